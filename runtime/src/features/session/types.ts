export type Session = {
  user: { id: number; email: string; displayName: string };
  roles: {
    role: string;
    label: string;
    organisation: { id: number; name: string; kind: string };
  }[];
  csrfToken: string;
  /** The password was given by an admin: it must be changed before anything else. */
  mustChangePassword: boolean;
};

export type Session = {
  user: { id: number; email: string; displayName: string };
  roles: {
    role: string;
    label: string;
    organisation: { id: number; name: string; kind: string };
  }[];
  csrfToken: string;
};

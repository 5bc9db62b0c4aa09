import type { Response } from "express";
import { writeXlsx, XLSX_TYPE, type CellValue } from "../../export/xlsx.ts";
import { headingLines, tableGrid, type TableLike } from "../../table/csv.ts";

/** Sends computed tables as one workbook, a sheet per table, labels and notes included. */
export async function sendTableXlsx(
  res: Response,
  fileName: string,
  tables: TableLike[],
): Promise<void> {
  res.setHeader("Content-Type", XLSX_TYPE);
  res.setHeader("Content-Disposition", `attachment; filename="${fileName}.xlsx"`);
  await writeXlsx(
    res,
    tables.map((table) => {
      const rows: CellValue[][] = [
        ...headingLines(table),
        [],
        ...tableGrid(table),
        [],
        ...table.notes.map((n) => [n]),
      ];
      return { name: table.title, rows, headerRows: 1 };
    }),
  );
  res.end();
}

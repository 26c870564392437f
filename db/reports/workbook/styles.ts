/** The report's type and rules: Times New Roman, #,##0 for đồng, dd/mm/yyyy for days, thin black borders. */
export const FONT = 'Times New Roman';
export const MONEY_FORMAT = '#,##0';
export const DATE_FORMAT = 'dd/mm/yyyy';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Small helpers shared by the spreadsheet writer and reader. */

/** "2.5" -> "2,5", "1000" -> "1.000": quantities and rates as Vietnamese documents write them. */
export function showQuantityVi(decimal: string): string {
  const [int, frac] = decimal.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

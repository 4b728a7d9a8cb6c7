/** A file's size as Russians read it: "820 Б", "12,5 КБ", "3,2 МБ". */
export const formatFileSize = (bytes: number) => {
  const units = ['Б', 'КБ', 'МБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('ru-RU', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
};

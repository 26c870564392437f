/** Whether a folder can serve as the exchange folder, told when it is set as well as when it is used. */
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { invalid } from '../core/errors';

/** A folder this office can use for exchange: it exists, is a folder, and can be read. */
export function checkExchangeFolder(folder: string): void {
  if (!isAbsolute(folder))
    throw invalid('exchangeFolder', {
      vi: `"${folder}" không phải đường dẫn đầy đủ (ví dụ D:\\TraoDoi hoặc \\\\may-chu\\TraoDoi)`,
      en: `"${folder}" is not a full path (for example D:\\Exchange or \\\\server\\Exchange)`,
    });
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw invalid('exchangeFolder', {
      vi: `không mở được thư mục "${folder}" (chưa có, ổ mạng chưa kết nối, hoặc USB chưa cắm)`,
      en: `the folder "${folder}" cannot be opened (missing, its network drive not connected, or its USB stick out)`,
    });
  }
  if (!isFolder)
    throw invalid('exchangeFolder', { vi: `"${folder}" không phải một thư mục`, en: `"${folder}" is not a folder` });
}

/** Release asset transfers: streamed upload and redirect-safe download. */
export { uploadAsset, parseUploadUrl } from './upload-asset.js';
export type { UploadAssetOptions, UploadedAsset, UploadProgress } from './upload-asset.js';
export { downloadAsset } from './download-asset.js';
export type { DownloadAssetOptions } from './download-asset.js';

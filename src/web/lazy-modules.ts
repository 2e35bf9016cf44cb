// Libraries that weigh tens of megabytes in memory but serve only a few requests (charts, PDF,
// DOCX, XLSX, SMTP, single sign-on, QR codes) are loaded with their first use, so a server that never renders one does not
// carry them (measured: ~130 MB of the boot RSS). Node caches each import after the first.
export const loadPdfKit = () => import('pdfkit').then((module) => module.default);
export const loadDocx = () => import('docx');
export const loadExcel = () => import('exceljs').then((module) => module.default);
export const loadNodemailer = () => import('nodemailer').then((module) => module.default);
export const loadCharts = () => Promise.all([import('vega'), import('vega-lite')]);
export const loadFileType = () => import('file-type');
export const loadOpenIdClient = () => import('openid-client');
export const loadQrCode = () => import('qrcode').then((module) => module.default);

/** The part of `qrcode` (no bundled types) the spooler uses: a QR code as an SVG string. */
declare module 'qrcode' {
  export interface QRCodeToStringOptions {
    type?: 'svg' | 'utf8' | 'terminal';
    margin?: number;
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  }
  const QRCode: { toString(text: string, options?: QRCodeToStringOptions): Promise<string> };
  export default QRCode;
}

import QRCode from 'qrcode';

/** An SVG QR code for `url`, drawn at build time (medium error correction survives a worn print). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

import { downloadBlob } from './csv';

/**
 * Draws a chart's SVG on a canvas at twice its size, under its title, on the theme's background,
 * and offers it as a PNG: what facilitators paste into slides.
 */
export interface PngOptions {
  title: string;
  subtitle: string;
  fileName: string;
  background: string;
  color: string;
  fontFamily: string;
}

export async function exportChartPng(container: HTMLElement, options: PngOptions): Promise<void> {
  const svg = container.querySelector('svg');
  if (!svg) throw new Error('This chart has nothing drawn to export yet.');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.fontFamily = options.fontFamily;
  await exportSvgPng(new XMLSerializer().serializeToString(clone), width, height, options);
}

/** An SVG document (its text) drawn at twice its size under a title, offered as a PNG. */
export async function exportSvgPng(source: string, width: number, height: number, options: PngOptions): Promise<void> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be turned into an image.'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await loaded;

  const scale = 2;
  const header = 56;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + header) * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images.');
  context.scale(scale, scale);
  context.fillStyle = options.background;
  context.fillRect(0, 0, width, height + header);
  context.fillStyle = options.color;
  context.font = `600 18px ${options.fontFamily}`;
  context.fillText(options.title, 12, 24);
  context.font = `13px ${options.fontFamily}`;
  context.globalAlpha = 0.75;
  context.fillText(options.subtitle, 12, 44);
  context.globalAlpha = 1;
  context.drawImage(image, 0, header, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The image could not be encoded.');
  downloadBlob(options.fileName, blob);
}

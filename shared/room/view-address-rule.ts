// What a deck's view address may be, without zod: the presentation checks it in the app's first
// script, which loads no zod until a person types (see renderer/src/main.tsx).

/**
 * A view's address as it follows the '#': one "/" then no spaces, "#", backslash or control
 * characters. No backslash: a browser reads "/\x" as "//x", another site, and the router refuses
 * to go there.
 */
export const VIEW_ADDRESS_PATTERN = /^\/(?![/\\])[^\s#\\\p{Cc}]*$/u;

export function isViewAddress(text: string): boolean {
  return VIEW_ADDRESS_PATTERN.test(text);
}

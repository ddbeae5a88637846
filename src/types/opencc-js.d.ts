/** The one part of opencc-js this project uses, which ships no types of its own. */
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}

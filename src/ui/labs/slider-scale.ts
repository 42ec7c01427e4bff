/**
 * Sliders over ranges of several orders of magnitude (1 to 20,000 requests a second) move on a log
 * scale: each step changes the value by about the same factor, so a keyboard user reaches 100 and
 * 10,000 alike in a few presses. The slider's own value is a position; the real value is shown and
 * spoken (aria-valuetext). Values are rounded to two significant digits, then to the step.
 */
export const LOG_POSITIONS = 240;

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

export function positionOf(value: number, { min, max }: SliderRange): number {
  const clamped = Math.min(max, Math.max(min, value));
  return Math.round((LOG_POSITIONS * Math.log(clamped / min)) / Math.log(max / min));
}

export function valueAt(position: number, { min, max, step }: SliderRange): number {
  const raw = min * (max / min) ** (Math.min(LOG_POSITIONS, Math.max(0, position)) / LOG_POSITIONS);
  const magnitude = 10 ** (Math.floor(Math.log10(raw)) - 1);
  const twoDigits = Math.round(raw / magnitude) * magnitude;
  const stepped = Math.round(twoDigits / step) * step;
  return Math.min(max, Math.max(min, Number(stepped.toPrecision(12))));
}

/** Option parsers shared by the commands: each refuses a bad value with a UserError in bokmål/English. */
import { UserError } from '../shared/errors.ts';
import { tr } from '../shared/lang.ts';

/** An integer option from `min` to `max`: intOption('--window', '3', 1, 10) → 3. */
export function intOption(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new UserError(tr(`${name} må være et heltall fra ${min} til ${max}, ikke «${text}»`, `${name} must be an integer from ${min} to ${max}, not "${text}"`));
  }
  return n;
}

/** An option that must be one of a few words: choiceOption('--disclosure', 'on', ['on', 'off']) → 'on'. */
export function choiceOption<T extends string>(name: string, text: string, values: readonly T[]): T {
  const hit = values.find((v) => v === text);
  if (hit === undefined) {
    const list = (word: string) => `${values.slice(0, -1).join(', ')} ${word} ${values.at(-1)}`;
    throw new UserError(tr(`${name} må være ${list('eller')}, ikke «${text}»`, `${name} must be ${list('or')}, not "${text}"`));
  }
  return hit;
}

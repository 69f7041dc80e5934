/**
 * The text rule (src/core/text.ts, docs/text.md) over every code point: refused are C0 controls but
 * tab and line feed, DEL, lone surrogates and the 66 noncharacters; everything else is kept. The
 * check first asks a quick question of the code units; this holds it to the rule for all of them.
 */
import { textFault } from '../../src/core/text';

function refusedByRule(cp: number): boolean {
  if (cp < 0x20) return cp !== 0x09 && cp !== 0x0a;
  if (cp === 0x7f) return true;
  if (cp >= 0xfdd0 && cp <= 0xfdef) return true;
  return (cp & 0xfffe) === 0xfffe;
}

test('every code point, alone and inside other text, is refused exactly when the rule refuses it', () => {
  const wrong: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // not a character: the lone surrogates, below
    const text = `客户 ${String.fromCodePoint(cp)} ok`;
    const fault = textFault(text);
    if ((fault !== null) !== refusedByRule(cp)) wrong.push(cp.toString(16));
    else if (fault?.kind === 'character' && (fault.codePoint !== cp || fault.position !== 4))
      wrong.push(cp.toString(16));
  }
  expect(wrong).toEqual([]);
});

test('a lone surrogate is refused, a pair (an emoji) is kept', () => {
  expect(textFault('ok \uD83D')).toEqual({ kind: 'character', codePoint: 0xd83d, position: 4 });
  expect(textFault('\uDE00 ok')).toEqual({ kind: 'character', codePoint: 0xde00, position: 1 });
  expect(textFault('谢谢 😀 👍🏽')).toBeNull();
});

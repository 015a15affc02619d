import { describe, expect, it } from 'vitest';
import { byArrival, cleanName, guestName } from './person';

describe('cleanName', () => {
  it('keeps a name as typed, spaces collapsed', () => {
    expect(cleanName('  Ada   Lovelace ')).toBe('Ada Lovelace');
    expect(cleanName('Zoë 🦊')).toBe('Zoë 🦊');
  });

  it('drops control and bidi characters, so a name cannot break a line or turn text around', () => {
    expect(cleanName('Eve\u202Egnp.exe')).toBe('Evegnp.exe');
    expect(cleanName('line\nbreak\u0000')).toBe('line break');
  });

  it('keeps markup as the plain text it is, and bounds the length by characters', () => {
    expect(cleanName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>'.slice(0, 40));
    expect(Array.from(cleanName('🦊'.repeat(60)))).toHaveLength(40);
    expect(cleanName('   ')).toBe('');
  });
});

it('names guests by number and lists people in the order they came', () => {
  expect(guestName(3)).toBe('Guest 3');
  expect(byArrival([{ id: 2, name: 'B' }, { id: 1, name: 'A' }]).map((person) => person.name)).toEqual(['A', 'B']);
});

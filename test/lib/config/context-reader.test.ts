import { ContextReader } from '../../../lib/config/context-reader';
import { LabConfigError } from '../../../lib/config/lab-config-error';

describe('ContextReader', () => {
  test('accepts booleans from cdk.json and from the command line', () => {
    const reader = new ContextReader({ a: true, b: 'false' });
    expect(reader.boolean('a', false)).toBe(true);
    expect(reader.boolean('b', true)).toBe(false);
    expect(reader.boolean('missing', true)).toBe(true);
  });

  test('fails when an integer is out of range or not an integer', () => {
    const reader = new ContextReader({ low: '-1', frac: 1.5, text: '12a' });
    expect(() => reader.integer('low', 0, 0, 10)).toThrow(LabConfigError);
    expect(() => reader.integer('frac', 0, 0, 10)).toThrow(/an integer from 0 to 10/);
    expect(() => reader.integer('text', 0, 0, 10)).toThrow(LabConfigError);
  });

  test('allows integers at both ends of the range, as numbers or strings', () => {
    const reader = new ContextReader({ low: '0', high: 10 });
    expect(reader.integer('low', 5, 0, 10)).toBe(0);
    expect(reader.integer('high', 5, 0, 10)).toBe(10);
  });

  test('reads lists from arrays, JSON strings and comma-separated strings', () => {
    const reader = new ContextReader({ a: ['x', 'y'], b: '["x","y"]', c: 'x, y' });
    expect(reader.list('a')).toEqual(['x', 'y']);
    expect(reader.list('b')).toEqual(['x', 'y']);
    expect(reader.list('c')).toEqual(['x', 'y']);
  });

  test('fails when a list item is not a string', () => {
    expect(() => new ContextReader({ a: '["x", 1]' }).list('a')).toThrow(/Item 2 is not a string/);
  });

  test('fails when a string key is empty', () => {
    expect(() => new ContextReader({ a: '  ' }).string('a', 'd')).toThrow(/non-empty string/);
  });
});

import type { ConfigModel, Setting } from './types';

/** Where an offset falls inside a setting. */
export type SettingPosition =
  | { setting: Setting; on: 'key'; /** Index into `setting.keyParts`. */ keyPart: number }
  | { setting: Setting; on: 'value'; /** Index into the list's items, when the value is a list and the offset is on one. */ item?: number };

/**
 * The setting under an offset (for hovers and code actions). Ranges count their end, so a cursor just after
 * a word still finds it. A key part shared by several nested settings resolves to the first of them.
 */
export function settingAt(model: ConfigModel, offset: number): SettingPosition | undefined {
  for (const setting of model.settings) {
    const value = setting.value;
    if (within(offset, value.range) && value.kind !== 'null') {
      if (value.kind === 'list') {
        const item = value.items.findIndex((it) => within(offset, it.range));
        return { setting, on: 'value', item: item < 0 ? undefined : item };
      }
      return { setting, on: 'value' };
    }
    const keyPart = setting.keyParts.findIndex((p) => within(offset, p.range));
    if (keyPart >= 0) return { setting, on: 'key', keyPart };
  }
  return undefined;
}

function within(offset: number, range: { start: number; end: number }): boolean {
  return offset >= range.start && offset <= range.end;
}

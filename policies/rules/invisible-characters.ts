import { definePolicyRule, ruleIdFromFile } from '../rule';
import { invisibleCharactersIn, visibleText } from '../../constructs/util/visible-text';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'Alert names, label names and label values hold no bidirectional or zero-width characters.',
  explanation:
    'A bidirectional control (U+202E) makes a name read differently from what it is, and a zero-width character makes two ' +
    'different names look the same: both let an alert pass review as something else. Reports show them as <U+202E>; ' +
    'remove them from the name or label.',
  check: (alert) => {
    const { payload } = alert;
    const found: string[] = [];
    // where a text is, said only when it holds something (most texts do not)
    const look = (where: () => string, text: string): void => {
      const chars = invisibleCharactersIn(text);
      if (chars.length > 0) found.push(`${where()} "${visibleText(text)}" holds ${chars.join(', ')}`);
    };
    look(() => 'alert name', payload.alert);
    for (const [key, value] of Object.entries(payload.labels ?? {})) {
      look(() => `label name ${JSON.stringify(visibleText(key))}`, key);
      look(() => `label ${visibleText(key)}`, String(value));
    }
    return found.length > 0 ? `${found.join('; ')}: remove the invisible characters` : undefined;
  },
});

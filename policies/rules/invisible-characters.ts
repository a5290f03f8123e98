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
    const places: [string, string][] = [['alert name', payload.alert]];
    for (const [key, value] of Object.entries(payload.labels ?? {})) {
      places.push([`label name ${JSON.stringify(visibleText(key))}`, key], [`label ${visibleText(key)}`, String(value)]);
    }
    const found = places.flatMap(([where, text]) => {
      const chars = invisibleCharactersIn(text);
      return chars.length > 0 ? [`${where} "${visibleText(text)}" holds ${chars.join(', ')}`] : [];
    });
    return found.length > 0 ? `${found.join('; ')}: remove the invisible characters` : undefined;
  },
});

import { forwardRef, useMemo, type SelectHTMLAttributes } from 'react';
import { nowIn, zoneList } from '../time/time';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & { value: string };

/** The IANA zones, each with its local time now. */
export const ZoneSelect = forwardRef<HTMLSelectElement, Props>(function ZoneSelect(props, ref) {
  const zones = useMemo(() => {
    const list = zoneList();
    return list.includes(props.value) ? list : [props.value, ...list];
  }, [props.value]);
  return (
    <select ref={ref} {...props}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone === props.value ? `${zone} (now ${nowIn(zone)})` : zone}
        </option>
      ))}
    </select>
  );
});

/**
 * The three steps as a WAI-ARIA tablist (roving tabindex; ←/→, Home, End select). Fluent's
 * TabList wraps its tabs in Tabster focus sentinels (<i tabindex=0 aria-hidden>), which axe
 * reports as aria-hidden-focus; this list has none and looks like Fluent's small tabs.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useTabStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  tab: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    whiteSpace: "nowrap",
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

export interface StepTab<T extends string> {
  value: T;
  label: string;
  /** Shown after the label (an error count). */
  badge?: React.ReactNode;
}

export function StepTabs<T extends string>({ tabs, selected, onSelect, label }: { tabs: StepTab<T>[]; selected: T; onSelect(v: T): void; label: string }): React.JSX.Element {
  const styles = useTabStyles();
  const refs = React.useRef(new Map<T, HTMLButtonElement>());
  const move = (to: number) => {
    const tab = tabs[(to + tabs.length) % tabs.length];
    onSelect(tab.value);
    refs.current.get(tab.value)?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    move(next);
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((tab, i) => (
        <button
          key={tab.value}
          ref={(el) => {
            if (el) refs.current.set(tab.value, el);
            else refs.current.delete(tab.value);
          }}
          type="button"
          role="tab"
          id={`tab-${tab.value}`}
          aria-selected={tab.value === selected}
          aria-controls={tab.value === selected ? `panel-${tab.value}` : undefined}
          tabIndex={tab.value === selected ? 0 : -1}
          className={tab.value === selected ? `${styles.tab} ${styles.selected}` : styles.tab}
          onClick={() => onSelect(tab.value)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {tab.label}
          {tab.badge}
        </button>
      ))}
    </div>
  );
}

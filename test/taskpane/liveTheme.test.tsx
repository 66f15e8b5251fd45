/** @jest-environment jsdom */
/** The pane's theme follows Windows' high contrast at once and Office's theme when focus returns. */
import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import { useLiveTheme, type ThemeSources } from "../../src/taskpane/preferences/useLiveTheme";

function fakeMedia(initial: boolean) {
  const listeners = new Set<() => void>();
  const list = {
    matches: initial,
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  };
  return {
    matchMedia: () => list as unknown as MediaQueryList,
    set(v: boolean) {
      list.matches = v;
      listeners.forEach((f) => f());
    },
    listeners,
  };
}

function Probe({ sources }: { sources: ThemeSources }) {
  return <output>{useLiveTheme(sources)}</output>;
}

test("dark Office, then light after the user changes Excel's theme and comes back; high contrast at once", () => {
  let office = "#262626"; // Office "Black"
  const media = fakeMedia(false);
  const sources: ThemeSources = { officeBackground: () => office, matchMedia: media.matchMedia, focusTarget: window };
  const { unmount } = render(<Probe sources={sources} />);
  expect(screen.getByRole("status").textContent).toBe("dark");

  office = "#FFFFFF"; // changed in Excel's options: nothing happens until the pane is used again
  expect(screen.getByRole("status").textContent).toBe("dark");
  act(() => void window.dispatchEvent(new Event("focus")));
  expect(screen.getByRole("status").textContent).toBe("light");

  act(() => media.set(true));
  expect(screen.getByRole("status").textContent).toBe("high-contrast");
  act(() => media.set(false));
  expect(screen.getByRole("status").textContent).toBe("light");

  unmount();
  expect(media.listeners.size).toBe(0);
});

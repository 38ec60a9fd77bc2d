/**
 * The Office theme for Fluent UI: Excel's green as the brand colour, light and dark. Inside Office
 * the pane follows Office's own theme (Office.context.officeTheme: a dark body background means a
 * dark theme); elsewhere (the web page, a plain browser) it follows prefers-color-scheme.
 */
import * as React from "react";
import { createDarkTheme, createLightTheme, type BrandVariants, type Theme } from "@fluentui/react-components";

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: Rgb): string {
  return (
    "#" +
    [r, g, b]
      .map((v) =>
        Math.round(Math.max(0, Math.min(255, v)))
          .toString(16)
          .padStart(2, "0")
      )
      .join("")
  );
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Excel's green (#107C41) at shade 80, darker below, lighter above: the 16 steps Fluent expects. */
function excelBrand(): BrandVariants {
  const dark: Rgb = [2, 14, 7];
  const mid: Rgb = [16, 124, 65];
  const light: Rgb = [233, 246, 238];
  const out: Record<number, string> = {};
  for (let i = 1; i <= 16; i++) {
    const step = i * 10;
    out[step] = rgbToHex(step <= 80 ? mix(dark, mid, (step - 10) / 70) : mix(mid, light, (step - 80) / 80));
  }
  return out as unknown as BrandVariants;
}

const brand = excelBrand();

export const officeLightTheme: Theme = createLightTheme(brand);
export const officeDarkTheme: Theme = {
  ...createDarkTheme(brand),
  // on a dark background the brand text and links need the lighter greens
  colorBrandForeground1: brand[110],
  colorBrandForeground2: brand[120],
  colorBrandForegroundLink: brand[120],
  colorBrandForegroundLinkHover: brand[130],
};

/** Relative luminance (0 black … 1 white) of a #rrggbb colour, or null. */
export function luminance(hex: string): number | null {
  const rgb = hexToRgb(hex);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** True/false when Office tells its theme (body background), null outside Office or when unknown. */
export function officeThemeIsDark(): boolean | null {
  try {
    if (typeof Office === "undefined") return null;
    const theme = Office.context?.officeTheme;
    const bg = theme?.bodyBackgroundColor;
    if (!bg) return null;
    const l = luminance(bg);
    return l === null ? null : l < 0.35;
  } catch {
    return null;
  }
}

function systemPrefersDark(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-color-scheme: dark)").matches
  );
}

/**
 * Registers a handler for Office's theme changes (where the host has the event) once Office.onReady
 * has resolved — before that, Office.context.document is not there and the registration would be
 * lost. Returns the unregistration.
 */
function onOfficeThemeChanged(update: () => void): () => void {
  let live = true;
  let registered = false;
  const register = () => {
    if (!live) return;
    update(); // Office's theme is known from here on
    try {
      const doc = Office.context?.document;
      if (!doc?.addHandlerAsync || !Office.EventType?.OfficeThemeChanged) return;
      doc.addHandlerAsync(Office.EventType.OfficeThemeChanged, update, (r) => {
        registered = r.status === Office.AsyncResultStatus.Succeeded;
      });
    } catch {
      /* not supported by this host */
    }
  };
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
    Promise.resolve(Office.onReady())
      .then(register)
      .catch(() => undefined);
  }
  return () => {
    live = false;
    if (!registered) return;
    try {
      Office.context.document.removeHandlerAsync(Office.EventType.OfficeThemeChanged, { handler: update });
    } catch {
      /* ignore */
    }
  };
}

/** Dark or light: Office's theme when known, else the system's; updates when either changes. */
export function useDarkMode(): boolean {
  const [dark, setDark] = React.useState<boolean>(() => officeThemeIsDark() ?? systemPrefersDark());
  React.useEffect(() => {
    const update = () => setDark(officeThemeIsDark() ?? systemPrefersDark());
    const media =
      typeof window !== "undefined" && typeof window.matchMedia === "function"
        ? window.matchMedia("(prefers-color-scheme: dark)")
        : null;
    media?.addEventListener?.("change", update);
    // Office raises OfficeThemeChanged where the host supports it; elsewhere re-read on focus
    const offOffice = onOfficeThemeChanged(update);
    window.addEventListener("focus", update);
    return () => {
      media?.removeEventListener?.("change", update);
      window.removeEventListener("focus", update);
      offOffice();
    };
  }, []);
  return dark;
}

// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useThrottled } from "./use-throttled.js";

afterEach(() => vi.useRealTimers());

describe("useThrottled", () => {
  it("runs once at once, then once more after the burst, not once per call", () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const { result } = renderHook(() => useThrottled(fn, 1000));
    for (let i = 0; i < 50; i++) result.current();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

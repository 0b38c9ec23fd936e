import { useTranslation } from "react-i18next";

/**
 * Localized names for values the API sends as codes (emotions, causes, channels, languages).
 * An unknown code is shown as it is, never hidden.
 */
export function useLabels() {
  const { t } = useTranslation();
  const of = (group: string) => (code: string) => t(`${group}.${code}` as "emotion.anger", { defaultValue: code });
  const labels = {
    emotion: of("emotion"),
    aspect: of("aspect"),
    channel: of("channel"),
    lang: of("lang"),
    dimension: (by: string, key: string) =>
      by === "emotion"
        ? labels.emotion(key)
        : by === "cause"
          ? labels.aspect(key)
          : by === "channel"
            ? labels.channel(key)
            : by === "lang"
              ? labels.lang(key)
              : key === "unknown"
                ? labels.aspect("unknown")
                : key,
  };
  return labels;
}

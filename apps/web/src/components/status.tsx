import { useTranslation } from "react-i18next";

/** A loading line or an error with a retry button; renders nothing when there is neither. */
export function Status({
  loading,
  error,
  retry,
}: {
  loading?: boolean;
  error?: Error | undefined;
  retry?: () => void;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="status error" role="alert">
        {t("app.errorPrefix")} {error.message}{" "}
        {retry && (
          <button type="button" onClick={retry}>
            {t("app.retry")}
          </button>
        )}
      </div>
    );
  }
  if (loading) return <output className="status loading">{t("app.loading")}</output>;
  return null;
}

import { useTranslation } from 'react-i18next';

interface SaveFailureMessageProps {
  message: string;
  /** Only for failures worth trying again (network, server); a refusal would only repeat. */
  onRetry?: (() => void) | undefined;
}

/** Why a save did not go through, announced at once, with a retry where one can help. */
export function SaveFailureMessage({ message, onRetry }: SaveFailureMessageProps) {
  const { t } = useTranslation();
  return (
    <div className="form-problem" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

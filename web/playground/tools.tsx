import { Dialog, ToolbarButton, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { lang, onLangChange, t } from '../shared/i18n.js';
import { describeAnswer, lastAnswer, onAnswer, setAnswer } from './answer.js';
import { linkTo } from './link.js';
import { operationToRun } from './operation.js';

/** Re-renders on a language switch, and gives the current language. */
const useLang = () => useSyncExternalStore(onLangChange, lang);

/** How long "Link copied" stays. */
const NOTICE_MS = 3000;

const LinkIcon = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
    <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.3-3.3a4.5 4.5 0 0 0-6.4-6.4l-1.1 1.1" />
    <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3.3 3.3a4.5 4.5 0 0 0 6.4 6.4l1.1-1.1" />
  </svg>
);

/**
 * The toolbar's "copy link" action: the address of the playground opening the current operation, its
 * variables and operation name, put on the clipboard; where there is no clipboard (a page not served
 * over HTTPS or from this machine, a refused permission) the link is shown to copy by hand.
 */
export function CopyLinkButton() {
  useLang();
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const chosen = useGraphiQL((s) => s.operationName);
  const [copied, setCopied] = useState(false);
  const [shown, setShown] = useState<string>();
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    const query = queryEditor?.getValue() ?? '';
    const link = linkTo(location.origin, { query, variables: variableEditor?.getValue(), operationName: operationToRun(query, chosen) });
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setShown(link);
    }
  };
  return (
    <>
      <ToolbarButton label={t('copyLink')} onClick={() => void copy()} className="playground-copy-link">
        <LinkIcon />
      </ToolbarButton>
      <p className="playground-notice" role="status">
        {copied ? t('linkCopied') : ''}
      </p>
      <Dialog open={shown !== undefined} onOpenChange={(open) => !open && setShown(undefined)}>
        <div className="graphiql-dialog-header">
          <Dialog.Title className="graphiql-dialog-title">{t('linkTitle')}</Dialog.Title>
          <Dialog.Close />
        </div>
        <div className="graphiql-dialog-section playground-link">
          <Dialog.Description>{t('linkByHand')}</Dialog.Description>
          <textarea
            readOnly
            aria-label={t('linkTitle')}
            value={shown ?? ''}
            rows={5}
            // Selected at once: Ctrl+C (or the touch menu) copies it.
            onFocus={(event) => event.currentTarget.select()}
            autoFocus
          />
        </div>
      </Dialog>
    </>
  );
}

/** The status line under the answer: "200 · 182 ms · 3.4 KB"; cleared when another tab is shown. */
export function AnswerStatus() {
  useLang();
  const answer = useSyncExternalStore(onAnswer, lastAnswer);
  const tab = useGraphiQL((s) => s.activeTabIndex);
  useEffect(() => () => setAnswer(undefined), [tab]);
  return (
    <p className="playground-answer" role="status" aria-label={t('answer')}>
      {answer ? describeAnswer(answer) : ''}
    </p>
  );
}

/**
 * Selects the operation a shared link names among several, once the editor has read its document: the
 * tab takes its name and the cursor goes into it, so Ctrl+Enter runs it (the run button still asks).
 */
export function SelectOperation({ name }: { name: string }) {
  const operations = useGraphiQL((s) => s.operations);
  const editor = useGraphiQL((s) => s.queryEditor);
  const actions = useGraphiQLActions();
  const [done, setDone] = useState(false);
  useEffect(() => {
    const start = operations?.find((o) => o.name?.value === name)?.loc?.start;
    const model = editor?.getModel();
    if (done || start === undefined || !editor || !model) return;
    actions.setOperationName(name);
    const position = model.getPositionAt(start);
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
    setDone(true);
  }, [done, name, operations, editor, actions]);
  return null;
}

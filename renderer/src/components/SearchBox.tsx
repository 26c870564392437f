/**
 * One search (Ctrl+K, or the header's button): pledges, aid items, donors, places and reports, found as typed with
 * accents and case optional. Keyboard only: type, the arrows move, Enter opens (the best result unless another is
 * reached), Esc closes and gives the keyboard back where it was.
 */
import type { TFunction } from 'i18next';
import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, type InputRef, Modal, Spin, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cutoffText, periodDatesLine, placeLabel, type SearchGroup, type SearchHit } from '../../../contract';
import { localToday } from '../dates';
import type { FilterState } from '../filters';
import { money, showDate } from '../format';
import { itemVocabulary, vocabulary } from '../i18n';
import { errorText, useLedger } from '../queries';
import type { Screen } from '../shell';
import { QUARTER_NUMERALS } from '../screens/reportChoices';
import { moveHit, openHit } from './searchTarget';

/** How long typing pauses before the ledger is asked. */
const TYPING_PAUSE_MS = 120;

interface Props {
  open: boolean;
  onClose: () => void;
  onScreen: (screen: Screen) => void;
  onFilter: (filter: FilterState) => void;
}

export function SearchBox({ open, onClose, onScreen, onFilter }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  const [active, setActive] = useState(0);
  const enterWaiting = useRef(false);
  const input = useRef<InputRef>(null);
  // Where the keyboard was when the box opened (read as it opens, before the dialog takes the focus).
  const returnTo = useRef<Element | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current) returnTo.current = document.activeElement;
  wasOpen.current = open;
  const openedHit = useRef(false);

  useEffect(() => {
    const timer = setTimeout(() => setAsked(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useLedger(
    'search.find',
    { text: asked, limit: 5, today: localToday() },
    { enabled: open && asked.length > 0, keepPrevious: true },
  );
  // The answer to what is typed now (not the one kept on screen while the next loads).
  const current = found.data && !found.isPlaceholderData && asked === text.trim() ? found.data : undefined;
  const groups = asked ? (found.data?.groups ?? []) : [];
  const hits = useMemo(() => groups.flatMap((g) => g.hits), [groups]);

  // A new answer starts on its best result; an Enter pressed before it came opens that.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new answer resets the choice
  useEffect(() => {
    setActive(0);
    if (current && enterWaiting.current) {
      enterWaiting.current = false;
      const best = current.groups[0]?.hits[0];
      if (best) choose(best);
    }
  }, [current]);

  // The result reached is kept in view.
  useEffect(() => {
    document.getElementById(`search-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function choose(hit: SearchHit) {
    openedHit.current = true;
    onClose();
    openHit(hit, { onScreen, onFilter });
  }

  function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(moveHit(active, event.key === 'ArrowDown' ? 1 : -1, hits.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!text.trim()) return;
      const hit = current ? hits[active] : undefined;
      if (hit) choose(hit);
      else enterWaiting.current = !current;
    }
  }

  return (
    <Modal
      open={open}
      title={t('search.title')}
      width={760}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      focusTriggerAfterClose={false}
      style={{ top: 48 }}
      styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto' } }}
      afterOpenChange={(visible) => {
        if (visible) {
          openedHit.current = false;
          input.current?.focus();
          return;
        }
        setText('');
        setAsked('');
        enterWaiting.current = false;
        // Closed without opening a result: the keyboard goes back where it was.
        if (!openedHit.current && returnTo.current instanceof HTMLElement && returnTo.current.isConnected)
          returnTo.current.focus();
      }}
      data-testid="search-box"
    >
      <Input
        ref={input}
        autoFocus
        size="large"
        prefix={<SearchOutlined />}
        suffix={found.isFetching ? <Spin size="small" /> : <span />}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          enterWaiting.current = false;
        }}
        onKeyDown={onKey}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={hits[active] ? `search-hit-${active}` : undefined}
        data-testid="search-input"
      />
      <Typography.Text type="secondary" style={{ display: 'block', margin: '6px 0 10px' }}>
        {t('search.keys')}
      </Typography.Text>
      {found.isError && <Typography.Text type="danger">{errorText(found.error, lang)}</Typography.Text>}
      {current && groups.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none', { text: asked })} />
      )}
      <div id="search-results" role="listbox" aria-label={t('search.title')} data-testid="search-results">
        <Results groups={groups} active={active} onActive={setActive} onChoose={choose} />
      </div>
    </Modal>
  );
}

/** The results, by kind: each group named with its count, its hits, and how many more there are. */
function Results({
  groups,
  active,
  onActive,
  onChoose,
}: {
  groups: SearchGroup[];
  active: number;
  onActive: (index: number) => void;
  onChoose: (hit: SearchHit) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  let index = 0;
  return groups.map((group) => {
    const rest = group.total - group.hits.length;
    return (
      // biome-ignore lint/a11y/useSemanticElements: a group of a listbox's options, as ARIA's listbox pattern has it
      <div
        key={group.kind}
        role="group"
        aria-label={t(`search.kinds.${group.kind}`)}
        data-testid={`search-group-${group.kind}`}
      >
        <div className="search-group-title" style={{ fontWeight: 600, margin: '8px 0 2px' }}>
          {t(`search.kinds.${group.kind}`)}{' '}
          <span className="muted">
            {`(${group.more ? t('search.countMore', { count: money(group.total, 'VND', lang) }) : money(group.total, 'VND', lang)})`}
          </span>
        </div>
        {group.hits.map((hit) => {
          const at = index++;
          const lines = hitLines(hit, t, lang);
          return (
            // The keyboard stays in the search field, which names the option reached (aria-activedescendant); a click
            // opens an option too.
            // biome-ignore lint/a11y/useFocusableInteractive: see above
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above
            <div
              key={`${group.kind}-${at}`}
              id={`search-hit-${at}`}
              role="option"
              aria-selected={at === active}
              data-testid="search-hit"
              data-kind={hit.kind}
              onMouseMove={() => at !== active && onActive(at)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onChoose(hit)}
              style={{
                padding: '4px 8px',
                borderRadius: 4,
                cursor: 'pointer',
                background: at === active ? '#e6f0ff' : undefined,
                outline: at === active ? '2px solid #1d4ed8' : undefined,
                outlineOffset: -2,
              }}
            >
              <div>{lines.title}</div>
              {lines.detail && (
                <div className="muted" style={{ fontSize: 12 }}>
                  {lines.detail}
                </div>
              )}
            </div>
          );
        })}
        {rest > 0 && (
          <div className="muted" style={{ fontSize: 12, padding: '2px 8px' }} data-testid="search-more">
            {group.more
              ? t('search.andMoreThan', { count: money(rest, 'VND', lang) })
              : t('search.andMore', { count: rest, n: money(rest, 'VND', lang) })}
          </div>
        )}
      </div>
    );
  });
}

type Translate = TFunction;

/** A result as it is listed: what it is, and what tells it apart from others alike. */
export function hitLines(hit: SearchHit, t: Translate, lang: string): { title: string; detail: string } {
  const language = lang === 'en' ? 'en' : 'vi';
  const join = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');
  switch (hit.kind) {
    case 'pledge':
      return {
        title: hit.description,
        detail: join([
          hit.donorName,
          hit.placeName,
          showDate(hit.pledgeDate),
          `${money(hit.vndEquivalent, 'VND', lang)} VND`,
          vocabulary(lang).pledgeStatus[hit.status],
        ]),
      };
    case 'item':
      return {
        title: hit.name,
        detail: join([hit.donorName, hit.approvalNumber, itemVocabulary(lang).stage[hit.stage]]),
      };
    case 'donor':
      return {
        title: hit.shortName ? `${hit.name} (${hit.shortName})` : hit.name,
        detail: join([hit.country, t('search.pledgeCount', { count: hit.pledgeCount })]),
      };
    case 'place':
      return {
        title: placeLabel(hit, language),
        detail: hit.within.map((p) => placeLabel(p, language)).join(', '),
      };
    case 'report':
      return {
        title:
          hit.periodKind === 'quarter'
            ? t('search.reportQuarter', { numeral: QUARTER_NUMERALS[hit.part - 1], part: hit.part, year: hit.year })
            : hit.periodKind === 'half'
              ? t(hit.part === 1 ? 'search.reportFirstHalf' : 'search.reportSecondHalf', { year: hit.year })
              : t('search.reportYear', { year: hit.year }),
        detail: join([
          periodDatesLine(hit, language),
          hit.cutoff === 'statutory' ? cutoffText('statutory', language) : null,
        ]),
      };
  }
}

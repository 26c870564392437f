/**
 * The app shell: navigation, the language switch, the new-pledge shortcut (Alt+N), the search (Ctrl+K), and the
 * shared filter; or, when
 * the ledger failed its check at start, only the recovery screen.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Tooltip } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../contract';
import { ClockBanner } from './components/ClockBanner';
import { AccessBanner } from './components/AccessBanner';
import { PledgeFormModal } from './components/PledgeFormModal';
import { SearchBox } from './components/SearchBox';
import { useReducedMotion } from './motion';
import { ProvinceModal, useNeedsProvince } from './components/ProvinceModal';
import { WhoModal } from './components/WhoModal';
import { EMPTY_FILTER, type FilterState } from './filters';
import { ClientError } from './api';
import { call, queryClient, refreshAfter, useLedger } from './queries';
import { Dashboard } from './screens/Dashboard';
import { Donors } from './screens/Donors';
import { Items } from './screens/Items';
import { Ngos } from './screens/Ngos';
import { Places } from './screens/Places';
import { Pledges } from './screens/Pledges';
import { Rates } from './screens/Rates';
import { Reports } from './screens/Reports';
import { Imports } from './screens/Imports';
import { Sync } from './screens/Sync';
import { Backups } from './screens/Backups';
import { Deleted } from './screens/Deleted';
import { Recovery } from './screens/Recovery';
import { Settings } from './screens/Settings';
import { isNewPledgeKey, isSearchKey, otherLanguage, SCREENS, type Screen, screenFromHash } from './shell';

export { SCREENS, type Screen } from './shell';

export function App() {
  const { i18n } = useTranslation();
  const [screen, setScreen] = useScreen();
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [currency, setCurrency] = useState<'VND' | 'USD'>('VND');
  const [creating, setCreating] = useState(false);
  const [searching, setSearching] = useState(false);
  const reducedMotion = useReducedMotion();
  const language = (i18n.language === 'en' ? 'en' : 'vi') as Language;

  // The first call tells whether the ledger opened; a damaged one answers every call with ledger_damaged.
  const info = useLedger('app.info', {});
  const damaged = info.error instanceof ClientError && info.error.shape.code === 'ledger_damaged';
  // A read-only ledger asks nothing at first start: its answers could not be saved.
  const writable = info.isSuccess && info.data.access.readOnly === null;
  const needsProvince = useNeedsProvince();
  const chooseLanguage = useLanguage(info.isSuccess);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isNewPledgeKey(e)) {
        e.preventDefault();
        setCreating(true);
      } else if (isSearchKey(e)) {
        e.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const switchLanguage = () => {
    const next = otherLanguage(language);
    chooseLanguage(next);
    void call('settings.update', { language: next }).catch(() => undefined);
  };

  return (
    <ConfigProvider
      locale={language === 'vi' ? viVN : enUS}
      theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 4, fontSize: 14, motion: !reducedMotion } }}
    >
      <AntApp>
        {damaged ? (
          <RecoveryShell onSwitchLanguage={switchLanguage} />
        ) : (
          <Layout className="shell">
            <Navigation screen={screen} onScreen={setScreen} />
            <Layout>
              <AppHeader
                onNewPledge={() => setCreating(true)}
                onSearch={() => setSearching(true)}
                onSwitchLanguage={switchLanguage}
              />
              <Layout.Content className="content">
                <ClockBanner clock={info.data?.clock} />
                {info.isSuccess && <AccessBanner access={info.data.access} />}
                <ScreenView
                  screen={screen}
                  onScreen={setScreen}
                  filter={filter}
                  onFilter={setFilter}
                  currency={currency}
                  onCurrency={setCurrency}
                  onLanguage={chooseLanguage}
                />
              </Layout.Content>
            </Layout>
          </Layout>
        )}
        {!damaged && <PledgeFormModal open={creating} onClose={() => setCreating(false)} />}
        {!damaged && (
          <SearchBox open={searching} onClose={() => setSearching(false)} onScreen={setScreen} onFilter={setFilter} />
        )}
        {!damaged && writable && needsProvince && <ProvinceModal onSwitchLanguage={switchLanguage} />}
        {!damaged && writable && needsProvince === false && <WhoModal />}
      </AntApp>
    </ConfigProvider>
  );
}

/**
 * The language applied to the app, its dates and the ledger's labels: the ledger's own once it has opened, unless the
 * user chose one first (a read-only ledger cannot save the choice, and its late answer must not undo the click).
 */
function useLanguage(opened: boolean) {
  const { i18n } = useTranslation();
  const chosenByUser = useRef(false);
  const applyLanguage = useCallback(
    (next: Language) => {
      const changed = i18n.language !== next;
      void i18n.changeLanguage(next);
      dayjs.locale(next === 'vi' ? 'vi' : 'en');
      document.documentElement.lang = next;
      // Labels that come from the ledger (kinds, quarters) follow the language; the same language keeps them.
      if (changed) void queryClient.invalidateQueries({ queryKey: ['totals'] });
    },
    [i18n],
  );
  useEffect(() => {
    if (opened)
      call('settings.get', {}).then(
        (s) => {
          if (!chosenByUser.current) applyLanguage(s.language);
        },
        () => undefined,
      );
  }, [opened, applyLanguage]);
  const chooseLanguage = useCallback(
    (next: Language) => {
      chosenByUser.current = true;
      applyLanguage(next);
    },
    [applyLanguage],
  );
  return chooseLanguage;
}

/** The screen shown, kept in the address (#pledges) so a reload or a link opens the same screen. */
function useScreen(): [Screen, (next: Screen) => void] {
  const [screen, setScreenState] = useState<Screen>(() => screenFromHash(window.location.hash) ?? 'dashboard');
  const setScreen = useCallback((next: Screen) => {
    setScreenState(next);
    window.history.replaceState(null, '', `#${next}`);
  }, []);
  useEffect(() => {
    const follow = () => {
      const named = screenFromHash(window.location.hash);
      if (named) setScreenState(named);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return [screen, setScreen];
}

/** A damaged ledger: the recovery screen alone, with the language switch. */
function RecoveryShell({ onSwitchLanguage }: { onSwitchLanguage: () => void }) {
  const { t } = useTranslation();
  return (
    <Layout className="shell">
      <Layout.Content className="content">
        <div style={{ textAlign: 'right' }}>
          <Button onClick={onSwitchLanguage} data-testid="switch-language">
            {t('app.switchLanguage')}
          </Button>
        </div>
        <Recovery onRestored={() => void refreshAfter('backups.restore')} />
      </Layout.Content>
    </Layout>
  );
}

/** The app's name and the list of screens. */
function Navigation({ screen, onScreen }: { screen: Screen; onScreen: (next: Screen) => void }) {
  const { t } = useTranslation();
  return (
    <Layout.Sider width={200} theme="light" className="sider">
      <div className="brand">
        <div className="brand-title">{t('app.title')}</div>
        <div className="brand-subtitle">{t('app.subtitle')}</div>
      </div>
      <Menu
        mode="inline"
        selectedKeys={[screen]}
        onClick={({ key }) => onScreen(key as Screen)}
        items={SCREENS.map((key) => ({ key, label: t(`nav.${key}`) }))}
        data-testid="nav"
      />
    </Layout.Sider>
  );
}

/** The new-pledge button (Alt+N from anywhere), the search (Ctrl+K) and the language switch. */
function AppHeader({
  onNewPledge,
  onSearch,
  onSwitchLanguage,
}: {
  onNewPledge: () => void;
  onSearch: () => void;
  onSwitchLanguage: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Layout.Header className="header">
      <Space>
        <Tooltip title={t('app.newPledgeHint')}>
          <Button type="primary" icon={<PlusOutlined />} onClick={onNewPledge} data-testid="new-pledge">
            {t('app.newPledge')}
          </Button>
        </Tooltip>
        <Tooltip title={t('search.openHint')}>
          <Button icon={<SearchOutlined />} onClick={onSearch} data-testid="search-open">
            {t('search.open')} <span className="muted">Ctrl+K</span>
          </Button>
        </Tooltip>
        <Button onClick={onSwitchLanguage} data-testid="switch-language">
          {t('app.switchLanguage')}
        </Button>
      </Space>
    </Layout.Header>
  );
}

/** The screen chosen; the dashboard and the ledger share one filter, and the dashboard opens the others. */
function ScreenView({
  screen,
  onScreen,
  filter,
  onFilter: setFilter,
  currency,
  onCurrency: setCurrency,
  onLanguage,
}: {
  screen: Screen;
  onScreen: (next: Screen) => void;
  filter: FilterState;
  onFilter: (filter: FilterState) => void;
  currency: 'VND' | 'USD';
  onCurrency: (currency: 'VND' | 'USD') => void;
  onLanguage: (next: Language) => void;
}) {
  return (
    <>
      {screen === 'dashboard' && (
        <Dashboard
          filter={filter}
          onFilter={setFilter}
          currency={currency}
          onCurrency={setCurrency}
          onOpenLedger={(next) => {
            setFilter(next);
            onScreen('pledges');
          }}
          onOpenItems={() => onScreen('items')}
        />
      )}
      {screen === 'pledges' && <Pledges filter={filter} onFilter={setFilter} />}
      {screen === 'items' && <Items />}
      {screen === 'donors' && <Donors />}
      {screen === 'ngos' && <Ngos />}
      {screen === 'places' && <Places />}
      {screen === 'rates' && <Rates />}
      {screen === 'reports' && <Reports />}
      {screen === 'imports' && <Imports />}
      {screen === 'sync' && <Sync />}
      {screen === 'backups' && <Backups />}
      {screen === 'deleted' && <Deleted />}
      {screen === 'settings' && <Settings onLanguage={onLanguage} />}
    </>
  );
}

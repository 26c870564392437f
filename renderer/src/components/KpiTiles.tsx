/**
 * The dashboard's figures in a row of tiles: money, each kind's quantities unit by unit and the donors, every tile
 * saying beneath its figure what it counts (and, on hover, how it is counted).
 */
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Kpis, kpiTiles, type TileWords } from '../charts';

/** What hovering a tile explains, for the tiles whose figure is a count. */
const HELP: Partial<Record<string, 'kindHelp' | 'donorsHelp'>> = {
  houses: 'kindHelp',
  gifts: 'kindHelp',
  scholarships: 'kindHelp',
  donors: 'donorsHelp',
};

export function KpiTiles({ tiles, show }: { tiles: Kpis; show: (value: number) => string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const words: TileWords = {
    pledges: (n) => t('kpiCounts.pledges', { n }),
    withoutQuantity: (n) => t('kpiCounts.withoutQuantity', { n }),
    noQuantity: t('kpiCounts.noQuantity'),
    noUnit: t('kpiCounts.noUnit'),
    donorsNote: t('kpiCounts.donorsNote'),
  };
  return (
    <Row gutter={[12, 12]} className="kpis" data-testid="kpis">
      {kpiTiles(tiles, show, lang, words).map(([key, value, note]) => {
        const help = HELP[key];
        return (
          <Col key={key} flex="1 1 0">
            <Card size="small" data-testid={`kpi-${key}`}>
              <div title={help ? t(`kpiCounts.${help}`) : undefined} data-testid={`kpi-${key}-help`}>
                <Statistic title={t(`dashboard.${key}`)} value={value} />
                {note && (
                  <div className="kpi-note" data-testid={`kpi-${key}-note`}>
                    {note}
                  </div>
                )}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

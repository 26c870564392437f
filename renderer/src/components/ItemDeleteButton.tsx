/** Deleting an aid item from its detail, once confirmed (its stages go with it; "Đã xóa" undoes it). */
import { App as AntApp, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, useLedgerMutation } from '../queries';

export function ItemDeleteButton({ itemId, onDeleted }: { itemId: string; onDeleted: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const remove = useLedgerMutation('items.delete');
  return (
    <Popconfirm
      title={t('deleted.confirmDeleteItem')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={async () => {
        try {
          await remove.mutateAsync({ id: itemId });
          message.success(t('common.deleted'));
          onDeleted();
        } catch (error) {
          message.error(errorText(error, i18n.language));
        }
      }}
    >
      <Button danger data-testid="item-delete">
        {t('deleted.deleteItem')}
      </Button>
    </Popconfirm>
  );
}

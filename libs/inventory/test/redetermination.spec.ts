import { classificationChanges, redeterminationReason } from '../src/dossier/redetermination';

describe('re-determination triggers (NĐ 331 Art. 10.2)', () => {
  it('keeps only the fields that bear on the level, in a fixed order', () => {
    expect(classificationChanges(['name', 'operates24x7', 'owner', 'systemType'])).toEqual(['systemType', 'operates24x7']);
    expect(classificationChanges(['name', 'goLive', 'regulationStatus'])).toEqual([]);
  });

  it('names them in Vietnamese and English', () => {
    expect(redeterminationReason(['informationTypes', 'dataSubjects'])).toBe(
      'Thay đổi loại thông tin, số chủ thể dữ liệu: cần xác định lại cấp độ (NĐ 331 Điều 10.2) — changed information types, data subjects: re-determine the security level (NĐ 331 Art. 10.2)',
    );
  });
});

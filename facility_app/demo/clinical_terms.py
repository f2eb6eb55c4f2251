"""The demo's clinical vocabulary: the conditions it uses, their follow-up
intervals, what examiners write, and children's growth medians.
"""
from __future__ import annotations

SHORT = {
    "I10": "tăng huyết áp", "E11": "đái tháo đường típ 2", "E11.9": "đái tháo đường típ 2",
    "J44": "bệnh phổi tắc nghẽn mạn tính", "J44.9": "bệnh phổi tắc nghẽn mạn tính",
    "M17": "thoái hóa khớp gối", "M19": "thoái hóa khớp", "F20": "tâm thần phân liệt",
    "F03": "sa sút trí tuệ", "F01": "sa sút trí tuệ mạch máu", "G30": "bệnh Alzheimer", "G40": "động kinh",
    "I69": "di chứng tai biến mạch máu não", "B18.1": "viêm gan B mạn", "B18.2": "viêm gan C mạn",
    "A15": "lao phổi", "B20": "HIV", "E78": "rối loạn lipid máu", "N18": "bệnh thận mạn",
    "H25": "đục thủy tinh thể", "F11": "nghiện chất dạng thuốc phiện", "F15": "nghiện ma túy tổng hợp",
    "G20": "bệnh Parkinson", "M81": "loãng xương", "K29": "viêm dạ dày", "G80": "bại não",
    "F79": "chậm phát triển trí tuệ", "Q90": "hội chứng Down", "F84": "rối loạn phổ tự kỷ",
    "H54": "suy giảm thị lực", "H90": "nghe kém", "J45": "hen phế quản", "F10": "rối loạn do rượu",
}
# Conditions followed every ~3 months (checkups and follow-up).
CHRONIC = {"I10", "E11", "E11.9", "J44", "J44.9", "F20", "G40", "I69", "F03", "F01", "G30", "B20", "A15",
            "N18", "G20", "B18.1", "B18.2", "J45", "F11", "F15"}
SERIOUS = {"I69", "F03", "F01", "G30", "J44", "J44.9", "N18", "G20", "B20", "A15", "G80"}
FOLLOW_UP = {"I10": 30, "E11": 30, "E11.9": 30, "J44": 90, "J44.9": 90, "F20": 30, "G40": 90, "I69": 90,
              "F03": 90, "F01": 90, "G30": 90, "B20": 30, "A15": 30, "N18": 90, "G20": 90, "B18.1": 180,
              "B18.2": 180, "E78": 180, "M17": 180, "M19": 180, "H25": 365, "M81": 180, "K29": 180,
              "F11": 30, "F15": 30, "G80": 180, "F79": 365, "Q90": 365, "F84": 180, "H54": 365,
              "H90": 365, "J45": 90, "F10": 90}
NOTES = {
    "I10": ["Amlodipin 5mg x 1 viên/ngày", "Amlodipin 5mg sáng, Losartan 50mg tối", "Nifedipin 20mg x 2 lần/ngày",
            "Theo dõi huyết áp hằng ngày, ăn nhạt"],
    "E11": ["Metformin 500mg x 2 viên/ngày", "Metformin 850mg, Gliclazid 30mg", "Chế độ ăn giảm đường, theo dõi đường huyết"],
    "E11.9": ["Metformin 500mg x 2 viên/ngày", "Theo dõi đường huyết mao mạch hằng tuần"],
    "J44": ["Xịt Seretide 2 nhát x 2 lần/ngày", "Khí dung Ventolin khi khó thở"],
    "J44.9": ["Xịt Seretide 2 nhát x 2 lần/ngày"],
    "F20": ["Olanzapin 10mg/ngày, cấp phát hằng tháng", "Haloperidol 5mg, Risperidon 2mg", "Risperidon 2mg x 2 lần/ngày"],
    "G40": ["Depakine 200mg x 2 lần/ngày", "Phenobarbital 100mg tối"],
    "I69": ["Liệt nửa người phải sau nhồi máu não", "Liệt nửa người trái, nói khó", "Yếu nửa người, đi lại có hỗ trợ"],
    "F03": ["Cần hỗ trợ sinh hoạt hằng ngày", "Hay quên, đi lang thang, cần giám sát"],
    "F01": ["Sau tai biến, giảm trí nhớ"], "G30": ["Donepezil 5mg tối"],
    "B20": ["Điều trị ARV (TDF/3TC/DTG) tại phòng khám ngoại trú", "Điều trị ARV, tải lượng virus dưới ngưỡng phát hiện"],
    "A15": ["Điều trị lao theo phác đồ 2RHZE/4RHE"],
    "B18.1": ["Theo dõi men gan 6 tháng/lần", "Điều trị Tenofovir 300mg/ngày"],
    "B18.2": ["Chờ điều trị thuốc kháng virus trực tiếp"],
    "F11": ["Cắt cơn, điều trị hỗ trợ", "Đã điều trị Methadone trước khi vào cơ sở"],
    "F15": ["Rối loạn tâm thần do sử dụng methamphetamine", "Cắt cơn, ổn định tâm lý"],
    "M17": ["Thoái hóa khớp gối hai bên", "Glucosamin, chườm ấm"], "M19": ["Đau khớp khi trời lạnh"],
    "H25": ["Mắt phải đục nhiều", "Đã mổ mắt trái"], "E78": ["Atorvastatin 10mg tối"],
    "N18": ["Suy thận mạn giai đoạn 3"], "G20": ["Madopar 250mg x 3 lần/ngày"], "M81": ["Canxi, vitamin D"],
    "K29": ["Omeprazol 20mg khi đau"], "G80": ["Bại não thể co cứng"], "Q90": [""], "F79": [""],
    "F84": ["Can thiệp hành vi"], "H54": ["Mù hai mắt"], "H90": ["Điếc bẩm sinh"], "J45": ["Xịt Ventolin khi lên cơn"],
    "F10": ["Cai rượu"],
}
ADHOC = [
    "Ho, sốt nhẹ, họng đỏ. Viêm họng cấp, điều trị tại cơ sở.",
    "Đau bụng, đi ngoài phân lỏng 3 lần. Bù nước, theo dõi.",
    "Ngã trong nhà tắm, xây xát khuỷu tay. Sát khuẩn, băng vết thương.",
    "Chóng mặt, mệt mỏi. Nghỉ ngơi, theo dõi huyết áp.",
    "Ngứa, nổi mẩn da. Thuốc bôi ngoài da, theo dõi.",
    "Mất ngủ, lo âu. Tư vấn, theo dõi.",
    "Đau khớp tăng khi trời lạnh. Chườm ấm, giảm đau.",
    "Ho khan kéo dài, nghe phổi có ran rít. Khí dung, theo dõi.",
    "Đau răng, sưng lợi. Súc miệng nước muối, giảm đau.",
    "Đau đầu, sổ mũi. Cảm cúm, điều trị triệu chứng.",
]
NORMAL = [
    "Sức khỏe ổn định, không phát hiện bất thường.",
    "Tỉnh, tiếp xúc tốt. Tim phổi bình thường.",
    "Ăn ngủ được, sinh hoạt bình thường.",
    "Da niêm mạc hồng, không phù. Tim đều, phổi không ran.",
]
ABNORMAL = {
    "bp": "Đau đầu, chóng mặt. Huyết áp cao, cho thuốc hạ áp, theo dõi sát.",
    "spo2": "Ho, sốt, khó thở. Nghe phổi có ran nổ, nghi viêm phổi; thở oxy, theo dõi.",
    "fever": "Sốt cao, rét run. Hạ sốt, bù nước, theo dõi sát.",
    "glucose": "Mệt, khát nhiều, đường huyết cao. Điều chỉnh thuốc, theo dõi đường huyết.",
}


# Children's height (cm) and weight (kg) by age, Vietnamese-boys-like medians.
GROWTH = [(0, 50, 3.2), (0.5, 66, 7.5), (1, 75, 9.5), (2, 86, 12), (3, 94, 14), (4, 101, 15.8), (5, 108, 17.8),
           (6, 114, 20), (7, 120, 22.5), (8, 126, 25), (9, 131, 28), (10, 136, 31), (11, 141, 34.5),
           (12, 147, 38.5), (13, 153, 43), (14, 158, 47.5), (15, 162, 51), (16, 164, 53), (18, 165, 55)]


def growth_at(age: float) -> tuple[float, float]:
    for (a0, h0, w0), (a1, h1, w1) in zip(GROWTH, GROWTH[1:]):
        if a0 <= age <= a1:
            t = (age - a0) / (a1 - a0)
            return h0 + t * (h1 - h0), w0 + t * (w1 - w0)
    return GROWTH[-1][1], GROWTH[-1][2]


CODES_USED = sorted(set(SHORT) | {"I63", "J18", "A09"})

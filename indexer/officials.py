"""Find the officials an article names, with their titles, as written.

The extractor reads titles, not surnames: a post (``Phó Chủ tịch``, ``Giám đốc``,
``Thiếu tướng``) next to a run of capitalised syllables marks a person, so rare
surnames (``Viên Văn Nỗ``) need no list. A surname list only helps to split a run
such as ``Yên Bái Phạm Thị Thanh Trà`` into a place and a name.

Patterns, all from real articles:

* name, then titles: ``đồng chí Hoàng Văn Nghiệm, Phó Bí thư Thường trực Tỉnh uỷ, Chủ tịch HĐND tỉnh``
* titles, then name: ``Phó Chủ tịch UBND tỉnh Đoàn Thu Hà``, ``Bí thư Tỉnh ủy Yên Bái Phạm Thị Thanh Trà``
* rank, then name: ``Thiếu tướng Nguyễn Văn A, Giám đốc Công an tỉnh``
* a later short reference (``đồng chí Nghiệm``, ``Bộ trưởng Tiến``) goes to the person
  named in full before; it never makes a new person.

:func:`extract` returns :class:`~indexer.models.Official` records with canonical
names (:func:`indexer.normalize.canonical_name`), so one person is one facet value
however the article spells them.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from indexer import wordlist
from indexer.errors import TimtinError
from indexer.models import Article, Official
from indexer.normalize import canonical_name, clean, exact, fold, folded, name_key, title_case, tokens, unify_tone

EXTRACTOR_VERSION = "22"  # issue #11: the shapes of real prose; round 3: people apart; round 4: state companies, ...; round 5: lists, links, the article's province; round 6: bodies' names uncut, private bodies out; round 7: long bodies uncut, one holder posts, shared posts before lists; round 8: names after dashes and commas uncut, foreign particles, a deputy's province; round 9: units' two domains, delegations, places after place words; round 10: spaced hyphens in foreign names, a ministry abbreviated with a comma, the next clause left off, a president's party, site commanders out; round 11: long bodies' lower-case words, "về" in national bodies, committees' listed domains, delegations and institutions named for people; round 12: several ministers' posts before one name, a time word after a title, "&" spaced on one side, a market's name, "Đại đô đốc", an appointer; round 13: links of office ("còn là", "đảm nhận cương vị"), a broadcaster's programmes, a title ending in another's name, a foreign name misspelt once; round 14: a country's post before the next name in a list, a country written as its adjective, foreign letters, press secretaries, "tâm thần" in bodies, a place's second syllable that opens sentences ("xã Hòa Phát"), "nước chủ nhà", a father after "Jr.", "Cục phó", a unit's parent body after a comma or dash (Bảo hiểm xã hội, ĐHQG, a subject's faculty), a given name that opens sentences ("Nguyễn Đức Tuy,"); round 15: a unit's number at a title's end ("Vùng Cảnh sát biển 1", "số ba"), a verb after it, a degree before the name, a foreign city or two-word country before a name ("Los Angeles", "New Zealand", "Litva"), "Tập sự" before a post, a body's long name across a spaced dash ("Hậu cần - Kỹ thuật"), a comma between abbreviations ("Sở VH,TT") and "nhà nước về" its domain; round 16: a post after an aside or glued to an honoured name, a school unit's "nhà trường", a time of day after a name, degrees before a name after a title, Lao names in Vietnamese syllables, envoys, a government's post before a province's, lower-case domains across a comma, "cơ sở", "BQL" and "Phó ban", posts after "đang làm" in brackets; round 17: a post spelt with y ("Thư ký") opens a window as with i, "Trưởng phái đoàn", "Phó khoa", "Trưởng đơn vị", a post then "khi đó là ông X", "(đều là …)" after a list of names, a deputy's province in brackets, "Thanh thiếu niên", a department's two domains before its hospital, a word after "&", "Ngài" before a foreign name; round 18: "Chánh tòa", "trong nước" and "khiếu nại, tố cáo" in bodies, a lower-case department before its hospital or health centre, "BHXH" as a parent body, a rank's rare surname ("Trung tá Lao X"), "Hiện" opens no name, a post after "ông Minh giữ chức" is Minh's, Spanish accents in foreign names ("Rodríguez"), foreign names in the article's case, a post "đối với 3 cán bộ gồm:" a list, a nominee ("chọn ông X làm"), a state office about businesses, a hospital's province after its comma; round 19: a province's dashed second part before the name ("Thừa Thiên - Huế X"), former and present posts after the name ("khi còn", "khi đó là … và hiện nay là"), "lúc bấy giờ là ông X", a city's committee without its name, "của <post> – ông X", a passive's agent, "Timor-Leste", a date after a title, "TP.HCM" in a sentence, "khóa 13", a shared post before a list with posts, "(…) làm Trưởng ban", "do X làm trưởng ban"; round 20: a body named for a place and its province across a dash ("Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn"), before and after the name

# Posts, as exact lower-case word sequences. "phó"/"nguyên"/"quyền" prefixes are
# handled apart, so "Phó Chủ tịch" and "nguyên Bí thư" need no entry of their own.
_POSTS = """
bí thư | tổng bí thư | chủ tịch | chủ tịch nước | thủ tướng | bộ trưởng | thứ trưởng
giám đốc | tổng giám đốc | trưởng ban | trưởng phòng | trưởng đoàn | trưởng khoa
chủ nhiệm | chánh văn phòng | chánh án | chánh thanh tra | viện trưởng | cục trưởng
vụ trưởng | tổng cục trưởng | chi cục trưởng | hiệu trưởng | chủ tịch hđnd | chủ tịch ubnd
tư lệnh | chính ủy | chỉ huy trưởng | trưởng công an | tổng thư ký | thư ký | ủy viên
tỉnh ủy viên | huyện ủy viên | thành ủy viên | thị ủy viên | quận ủy viên | đảng ủy viên | đại biểu quốc hội | trưởng thôn | trưởng bản
trưởng ấp | chủ tịch mttq | chủ tịch ủy ban | bí thư đảng ủy | bí thư chi bộ | kiểm sát viên
thẩm phán | tổng biên tập | trưởng phòng cảnh sát | đội trưởng | tiểu đoàn trưởng | trung đoàn trưởng
sư đoàn trưởng | lữ đoàn trưởng | chủ tịch hội | trưởng trạm | trạm trưởng | trưởng ban quản lý
thống đốc | tổng thanh tra | trưởng cục | điều tra viên | viện phó | đbqh | người phát ngôn | đoàn đbqh
đoàn đại biểu quốc hội | tùy viên | tổng thống | ngoại trưởng | thị trưởng | đại sứ | tổng lãnh sự | tổ trưởng
tham mưu trưởng | tổng tham mưu trưởng | bí thư thứ nhất | chủ tọa | chủ toạ | đại diện vốn nhà nước | đại diện phần vốn nhà nước
hạt trưởng | đồn trưởng | hiệu phó | trưởng văn phòng | kế toán trưởng | chấp hành viên | trưởng đại diện | thanh tra viên | chính trị viên
đại đội trưởng | xã đội trưởng | trưởng khu phố | thành viên hđqt | thành viên hội đồng quản trị | thành viên hđtv
thành viên hội đồng thành viên | gđ | pgđ | tgđ | ptgđ | đại biểu hđnd | đại biểu hội đồng nhân dân | đb hđnd
tham tán | công sứ | thủ trưởng cơ quan | tổng kiểm toán | tổng kiểm toán nhà nước | tổng ktnn | chi cục phó | đội phó | tổ phó
trưởng cah | trưởng caq | trưởng cax | trưởng cap | trưởng catp | trưởng cat | tổng tư lệnh | phát ngôn viên | công an viên | cục phó
trưởng bql | trưởng bqlda | trưởng phái đoàn | trưởng đơn vị | chánh tòa | chánh toà
"""  # (round 16: "Trưởng BQL rừng phòng hộ …", a management board written short;
# round 18: "Chánh tòa Hình sự TAND tỉnh", the head of a court's division)
# Posts that mark a person only right before the name: "đại biểu Nguyễn Sỹ Cương", "ĐB Trần
# Hoàng Ngân"; after a name ("ông X, đại biểu dự hội nghị") they are no post.
_NAME_POSTS = {("đại", "biểu"), ("đb",)}
_NAME_POSTS_FIRST = {"đb"}  # ("đại" opens ranks too)
_RANKS = """
đại tướng | thượng tướng | trung tướng | thiếu tướng | đại tá | thượng tá | trung tá | thiếu tá
đại úy | thượng úy | trung úy | thiếu úy | đô đốc | phó đô đốc | chuẩn đô đốc | đại đô đốc
"""
_POST_SEQS = sorted(
    {tuple(exact(w) for w in p.split()) for p in _POSTS.replace("\n", "|").split("|") if p.strip()},
    key=len,
    reverse=True,
)
_RANK_SEQS = {tuple(exact(w) for w in p.split()) for p in _RANKS.replace("\n", "|").split("|") if p.strip()}
_ALL_SEQS = sorted(set(_POST_SEQS) | _RANK_SEQS | _NAME_POSTS, key=len, reverse=True)
_RANK_FIRSTS = {seq[0] for seq in _RANK_SEQS}
_PREFIXES = {"phó", "nguyên", "cựu", "quyền", "phụ", "thường", "trực"}  # "Phó", "nguyên", "cựu", "Quyền"
_HONORIFICS = {"ông", "bà", "đồng chí", "đ/c", "anh", "chị"}
_HONORIFIC_WORDS = {"ông", "bà", "anh", "chị", "cô", "thầy", "bác", "ngài"}

# Lower-case words that go on inside the name of a body after a post
# ("Chủ tịch Ủy ban nhân dân tỉnh", "Giám đốc Sở Tài nguyên và Môi trường"). Words
# that are also verbs ("công bố", "chỉ đạo", "phát biểu") count only in the pairs below.
_BODY_WORDS = set(
    exact(w)
    for w in """
tỉnh huyện xã phường quận thị trấn thành phố nhân dân ủy uỷ ban hội đồng bộ đảng
chi cấp quốc phòng an ninh tế y tài chính nguyên môi trường vận tải xây dựng
thương nghiệp nông lao động giáo dục đào tạo văn hóa hoá thể thao du lịch khoa học kế hoạch đầu
tư nội vụ pháp ngoại tin truyền thuộc mặt trận tổ liên đoàn nữ cựu chiến binh
đội quân sự biên biển cao đập viện tòa toà án cảnh chính trị cục sở phòng tổng hợp tác trung ương bệnh
kinh doanh hàng hải không thôn bảo hiểm xã hội lực lượng vũ trang dịch chống
sát cơ động lâm viễn pháp chế hồi sức tích cực hạt ung bướu nhi hợp chữ thập đỏ vấn luật nhánh mại
đô thị điện ảnh bản thủy thuỷ sản vệ sinh sứ quán thực phẩm dinh dưỡng
dược lợi ngân nghiệp thương binh tư pháp ngoại giao quốc tế
xóm ấp
""".split()  # (round 13: "Bí thư Chi bộ xóm Kim Cương", as "thôn", "bản")
)
_BODY_PAIRS = {
    tuple(exact(w) for w in p.split())
    for p in "ứng dụng|cư trú|dữ liệu|dân cư|"  # (round 16) "Viện Y học ứng dụng", "… quản lý cư trú và dữ liệu … về dân cư"
    "công an|công thương|giao thông|chỉ huy|tham mưu|phát triển|dự án|"
    "quản lý|công nghệ|công đoàn|quy hoạch|ban quản lý|đại biểu|nghiên cứu|khu vực|công ty|cổ phần|"
    "liên hiệp|trung tâm|nhà trường|bầu cử|diễn tập|của tỉnh|của huyện|điện lực|chính phủ|bảo tàng|"
    "thư viện|quốc gia|phát hành|thường trực|thanh tra|thanh niên|cán sự|luật sư|vấn đề|cấp nước|chi nhánh|"
    "an toàn|vệ sinh|thực phẩm|đăng kiểm|đăng ký|phụ nữ|thương mại|tập đoàn|thành viên|chăm sóc|lịch sử|"
    "sư phạm|ngoại ngữ|ngôn ngữ|hàng giả|tư lệnh|đặc biệt|thư ký|ghép tạng|đặc mệnh|toàn quyền|hậu cần|có công|viễn thông|"
    "chỉnh hình|danh thắng|thiết bị|công trình|khách hàng|tiếng nói|biên tập|đồng bằng|quốc lộ|biên soạn|"
    "dự báo|khí tượng|thủy văn|thuỷ văn|kiểm định|khảo thí|lương thực|đất đai|tuần tra|kiểm soát|"
    "đối ngoại|công chức|viên chức|dân vận|dân nguyện|cứu hộ|cứu nạn|chữa cháy|phòng cháy|tôn giáo|"
    "tín ngưỡng|khoáng sản|thi hành|hành chính|xuất nhập|nhập cảnh|hộ tịch|kiểm lâm|tiêu chuẩn|"
    "chế biến|cảnh báo|danh dự|đường sắt|dự khuyết|nội địa|hữu nghị|phía bắc|phía nam|phát thanh|"
    "truyền hình|tối cao|tham nhũng|việc làm|trẻ em|doanh nghiệp|đê điều|đường bộ|đường thủy|"
    "đường thuỷ|dự phòng|thường xuyên|nghề nghiệp|miền bắc|miền nam|miền trung|công nghiệp|dân dụng|"
    "khu công|khu kinh|đại học|cao đẳng|trung học|tiểu học|mầm non|mẫu giáo|phiên tòa|phiên toà|"
    "kiểm dịch|động vật|thực vật|thú y|bảo vệ thực|bán buôn|bán lẻ|chi trên|chi dưới|"
    "nghỉ mát|nghỉ dưỡng|bảo tồn|di tích|sinh thái|danh thắng|truyền thông|bất động|cổ truyền|tuyển sinh|"
    # (round 11) "Cục Quản lý lao động | ngoài nước", "Công ty Xổ số kiến thiết"
    "ngoài nước|xổ số|kiến thiết|"
    "trong nước|khiếu nại|tố cáo|vật tư|"  # (round 18) "Vụ Thị trường trong nước", "Cục Giải quyết khiếu nại, tố cáo và …",
    # "khoa Dược - Vật tư thiết bị y tế"
    "tâm thần|sức khỏe|sức khoẻ|tâm lý|"  # (round 14) "Viện Sức khỏe tâm thần": a medical domain
    "kỹ thuật".split("|")  # (round 13) "Trưởng phòng kỹ thuật, Công ty điện lực …"
}
# Pairs that are names of bodies only when capitalised: "Ban Chỉ đạo", not "chỉ đạo".
_CAP_PAIRS = {
    tuple(exact(w) for w in p.split())
    for p in "chỉ đạo|tuyên giáo|tổ chức|thường vụ|chấp hành|thi đua|khen thưởng|tiếp công|an toàn|dân tộc|"
    "cải cách|phòng chống|bầu cử|vận động|công tác|kiểm tra|kiểm sát|đổi mới|"  # (round 18) "Ban Đổi mới doanh nghiệp"
    "sản xuất".split("|")  # (round 13) "Trưởng ban sản xuất các chương trình …" of a broadcaster
}
# Capitalised words that start the name of a body, never a person's second syllable.
_BODY_STARTS = {"Ủy", "Uỷ", "Ban", "Sở", "Bộ", "Hội", "Đảng", "Mặt", "Công", "Bệnh", "Trường", "Cục", "Viện",
                "Tòa", "Toà", "Nhà", "Chi", "Phòng", "Huyện", "Tỉnh", "Xã", "Phường", "Quận"}
# Surnames that no place's name holds, so a run's name starts there: "(Công) Thương Nguyễn Hoàng Long".
_NEVER_IN_PLACES = {"Nguyễn", "Trần", "Phạm", "Huỳnh", "Đặng", "Bùi", "Đỗ", "Ngô", "Vũ", "Võ", "Trương"}
_MIDDLE_NAMES = {"Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Ngọc", "Xuân", "Thanh", "Công", "Đình", "Bá"}
_PLACE_WORDS = set(
    exact(w)
    for w in "phường xã đường phố thôn bản ấp quận huyện trường cầu hồ sông núi làng tổ khu "
    "thị trấn xóm chợ đèo cửa khẩu bang đền chùa miếu".split()  # ("bang": a federal state; round 11: temples,
    # named for the people they honour: "đền Trần Nam Định")
)
SURNAMES = set(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đoàn Đinh Lương
    Lâm Trịnh Mai Cao Tô Hà Chu Vi Lò Nông Triệu Lục Hứa Mạc Tăng Quách Tạ Thái La Lưu Kiều Tống
    Giang Từ Khổng Đàm Hầu Lã Diệp Bế Lăng Linh Viên Ma Sầm Âu Phùng Nghiêm Trương Đào Thân
    Vương Châu Khúc Lại Kim Lạc Tôn Ninh Nhâm Lữ Doãn Hàn Lộc Hoàng Vy Uông Ngụy Khổng Tiêu Bạch Kha Cấn Lều Nghiêm Ứng Tạ Khương Mẫn Thạch Y Đồng Hán
    Quan Tòng Giáp Cù Mông Mã Lò Hoàng Vàng Sùng Thào Giàng Mùa Lầu Hờ Phương Lường Điểu Lù Khà Ksor Siu Rơ
    Tất Phí Khuất Đậu Cầm Chế Trình Ôn Quàng Lô Nhữ Bạc Ngọ""".split()
)
PROVINCES = [
    canonical_name(p)
    for p in """Hà Nội|Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Huế|Lạng Sơn|Cao Bằng|Hà Giang|Lào Cai|
    Yên Bái|Tuyên Quang|Thái Nguyên|Bắc Kạn|Bắc Giang|Bắc Ninh|Quảng Ninh|Hải Dương|Hưng Yên|
    Thái Bình|Nam Định|Ninh Bình|Hà Nam|Vĩnh Phúc|Phú Thọ|Hòa Bình|Sơn La|Điện Biên|Lai Châu|
    Thanh Hóa|Nghệ An|Hà Tĩnh|Quảng Bình|Quảng Trị|Thừa Thiên Huế|Quảng Nam|Quảng Ngãi|Bình Định|
    Phú Yên|Khánh Hòa|Ninh Thuận|Bình Thuận|Kon Tum|Gia Lai|Đắk Lắk|Đắk Nông|Lâm Đồng|Bình Phước|
    Tây Ninh|Bình Dương|Đồng Nai|Bà Rịa Vũng Tàu|Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|
    Đồng Tháp|An Giang|Kiên Giang|Hậu Giang|Sóc Trăng|Bạc Liêu|Cà Mau|Việt Nam""".split("|")
]
# Places that titles name but that are no provinces (PROVINCES serves the query side too).
_TITLE_PLACES = [
    canonical_name(p)
    for p in """Thừa Thiên|Uông Bí|Hạ Long|Móng Cái|Cẩm Phả|Đà Lạt|Nha Trang|Vũng Tàu|Buôn Ma Thuột|Pleiku|Quy Nhơn|
    Biên Hòa|Thủ Dầu Một""".split("|")
]
# Countries, as they stand between a foreign post and a name ("Thủ tướng Hà Lan Mark Rutte").
COUNTRIES = """Mỹ|Hoa Kỳ|Nga|Anh|Pháp|Đức|Nhật|Nhật Bản|Trung Quốc|Hàn Quốc|Triều Tiên|Lào|Campuchia|Thái Lan|Italia|
    Hà Lan|Bồ Đào Nha|Tây Ban Nha|Italy|Ý|Úc|Australia|Ấn Độ|Indonesia|Malaysia|Philippines|Singapore|Myanmar|
    Canada|Brazil|Cuba|Iran|Iraq|Israel|Syria|Thổ Nhĩ Kỳ|Ai Cập|Ukraine|Ba Lan|Séc|Hungary|Áo|Bỉ|Thụy Sĩ|
    Thụy Điển|Na Uy|Đan Mạch|Phần Lan|Hy Lạp|Mông Cổ|Đài Loan|Somalia|Thái Bình Dương|Venezuela|Mexico|Argentina|Chile|Nam Phi|
    Saudi Arabia|Qatar|Pakistan|Afghanistan|Bangladesh|Sri Lanka|New Zealand|Ireland|Scotland|Belarus|
    Kazakhstan|Romania|Bulgaria|Serbia|Croatia|Slovakia|Palestine|Jordan|Libya|Nigeria|Kenya|Brunei|Timor Leste|
    Liban|Lebanon|Nepal|Bahrain|Costa Rica|London|Fed|Estonia|Ukraina|Latvia|Lithuania|Paris|New York|Saudi|Seattle|Kremlin|Israel|Uruguay|Buenos Aires|New Delhi|Viêng Chăn|Washington|Moskva|Bắc Kinh|Tokyo|Seoul|
    Kuwait|Oman|Yemen|Sudan|Ethiopia|Morocco|Algeria|Tunisia|Peru|Ecuador|Bolivia|Moldova|Georgia|Armenia|Azerbaijan|Slovenia|
    Senegal|Ghana|Angola|Mozambique|Tanzania|Uganda|Zimbabwe|Colombia|Panama|Nicaragua|Czech|Uzbekistan|Luxembourg|
    Montenegro|Macedonia|Albania|Bosnia|Kosovo|Síp|Cyprus|Malta|Iceland|Kyrgyzstan|Tajikistan|Turkmenistan|
    Turkey|Egypt|Vatican|Cameroon|Rwanda|Congo|Zambia|Namibia|Botswana|Haiti|Jamaica|Guatemala|
    Honduras|Paraguay|Fiji|Maldives|Bhutan|Mauritius|Litva|Gruzia|Los Angeles|San Francisco|Chicago|Houston|Sydney|Berlin|
    Điện Kremlin|Nhà Trắng|Lầu Năm Góc|Asean|Liên Hợp Quốc|Liên Hiệp Quốc"""
_PROVINCE_SEQS = sorted(
    {tuple(p.split()) for p in PROVINCES + _TITLE_PLACES}
    | {tuple(c.split()) for c in COUNTRIES.replace("\n", "").split("|")}
    # (round 19, seed 59) a country of two words written with a hyphen: "Tổng thống Timor-Leste Francisco Guterres"
    | {(c.strip().replace(" ", "-"),) for c in COUNTRIES.replace("\n", "").split("|") if " " in c.strip() and c.isascii()},
    key=len, reverse=True,
)
_NOT_NAMES = set(
    """Ủy Uỷ Ban Sở Bộ Hội Đảng Mặt Tổ Quốc Công Bệnh Trường Huyện Tỉnh Thành Xã Phường Quận Cục
    Viện Tòa Toà Nhà Đại Trung Chi Văn Phòng Đoàn Thường Chủ Phó Bí Giám Tổng Trưởng Ngày Sáng
    Chiều Tối Theo Trong Tại Với Các Những Năm Tháng Đồng Lễ Hội Nghị Dự Thực Nhân Dân Quân Lực Báo Làng
    Cảnh Sát Thủ Tướng Chính Phủ Nhà Nước Tết Covid Khu Cụm Cầu Đường Sông Núi Bắc Nam Tây
    Đông Thôn Bản Xóm Ấp Kỳ Khóa Khoá Luật Nghị Quyết Quy Chỉ Dự Án Hợp Tác Xã Tiểu
    Hiện""".split()  # (round 18) "Hiện Thanh Thủy làm …": the adverb "now" opening a sentence, no surname
)
# Leaders known by a pen name that reads as a body or a place ("Tổng Bí thư Trường Chinh" is no
# school): a post's body never swallows one, and it is a name.
# names that open with no surname of SURNAMES: pen names, and Chinese leaders' Sino-Vietnamese
# names ("Tập Cận Bình": 216 mentions in the real news, none found before)
PSEUDONYMS = {tuple(p.split()) for p in "Trường Chinh|Tố Hữu|Xuân Thủy|Xuân Thuỷ|Văn Tiến Dũng|Song Hào|"
              "Tập Cận Bình|Mao Trạch Đông|Tưởng Giới Thạch".split("|")}
_PSEUDONYM_FIRST = {p[0] for p in PSEUDONYMS}
# Words that can start a name although they are in _NOT_NAMES
_NAME_STARTERS = SURNAMES


class _Word:
    """A word of a paragraph: as written, its exact form, where it is, what stands before it."""

    __slots__ = ("text", "low", "start", "end", "gap", "is_cap")

    def __init__(self, text: str, low: str, start: int, end: int, gap: str) -> None:
        self.text, self.low, self.start, self.end, self.gap = text, low, start, end, gap
        self.is_cap = _is_cap(text)


@lru_cache(maxsize=100_000)
def _is_cap(t: str) -> bool:
    """Capitalised like a name: ``Nguyễn``, not ``UBND`` or ``nguyễn``."""
    return t[:1].isupper() and (len(t) == 1 or t[1:].islower()) and t.isalpha()


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    prev = 0
    for match in _WORD_RE.finditer(text):
        word, start = match.group(), match.start()
        out.append(_Word(word, exact(word), start, match.end(), _MANY_SPACES(" ", text[prev:start])))
        prev = match.end()
    return out


_MANY_SPACES = re.compile(r"[ \t\u00a0]{2,}").sub  # "Chủ tịch  UBND" in a user's file reads as one space


_WORD_RE = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")  # as normalize.parts (a number's digit groups apart)


def _joined(words: list[_Word], i: int) -> bool:
    """Whether word *i* follows word i-1 with nothing but a space between."""
    gap = words[i].gap
    return (
        gap == " "
        or (gap == "-" and (words[i].text.isdigit() or words[i - 1].text.isupper()))  # "Covid-19"
        or (gap in ("&", "/") and words[i - 1].text.isupper())  # "Bộ NN&PTNT", "HIV/AIDS"
        or (gap in (" & ", "& ", " &") and i >= 2 and (  # (round 12: "Tài nguyên& Môi trường", a space left out)
            (words[i].is_cap and (words[i - 1].is_cap or words[i - 2].is_cap))
            or (words[i].low in _BODY_WORDS and words[i - 1].low in _BODY_WORDS)
        ))  # "Sở Tài nguyên & Môi trường", "Sở tài nguyên & môi trường"
        or (gap in ("'", "’") and words[i - 1].is_cap and (words[i].text.islower() or len(words[i - 1].text) == 1))
        # "huyện Cư M'gar", "Cư M’Gar"
        or _in_brackets(words, i) or (gap == ") " and _in_brackets(words, i - 1))  # "Bộ VHTTDL (VHTTDL) X"
        or (gap in (". ", ".") and (words[i - 1].text in _ABBREVIATED or (
            words[i - 1].text.endswith("TP") and words[i - 1].text[:2] == "UB" and words[i].is_cap
        )))  # (round 12) "UBNDTP.Đà Nẵng", "UBTP.Hà Nội": the city's committee, "TP." glued to it
        or (gap in (". ", ".") and len(words[i - 1].text) == 1 and words[i - 1].text.isupper())  # "Lương V. Khải"
        or (gap == ", " and (words[i - 1].low, words[i].low) in _COMMA_PAIRS)
        or (gap == ", " and i >= 2 and words[i - 2].text in ("Bộ", "Sở") and words[i - 1].text.isupper()
            and words[i].text.isupper() and i + 1 < len(words) and words[i + 1].gap == "&")
        # (round 10) "Bộ LĐ, TB&XH": a ministry's abbreviation written with its own comma
        or (gap == "," and i >= 2 and words[i - 2].text in ("Bộ", "Sở") and words[i - 1].text.isupper()
            and words[i].text.isupper() and len(words[i].text) <= 3)
        # (round 15) "Sở VH,TT&DL", "Sở VH,TT và DL": the same, the comma's space left out
    )


# Body names that hold a comma: "Bộ Văn hóa, Thể thao và Du lịch", "Lao động, Thương binh và Xã hội",
# "Ủy ban Văn hóa, Giáo dục", "Vụ Công chức, viên chức", "Sở Tài nguyên, Môi trường".
_COMMA_PAIRS = {
    tuple(exact(w) for w in p.split())
    for p in "phòng chống|hóa thể|hoá thể|động thương|học công|bản in|phủ thể|hóa giáo|hoá giáo|dục thanh|niên thiếu|"
    "chức viên|nguyên môi|vệ chăm".split("|")  # ("Cục Bảo vệ, chăm sóc trẻ em")
}


def _in_brackets(words: list[_Word], i: int) -> bool:
    """Whether word *i* is an abbreviation alone in brackets: "Bộ Văn hóa ... (VHTTDL)"."""
    return (
        0 < i < len(words) - 1 and words[i].gap in (" (", "(") and words[i].text.isupper()
        and words[i + 1].gap.startswith(")")
    )


def _by_first(seqs) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(seqs, key=len, reverse=True):
        out.setdefault(seq[0], []).append(seq)
    return out


_ALL_BY_FIRST = _by_first(_ALL_SEQS)
_TAP, _SU = exact("tập"), exact("sự")  # "tập sự": probationary, before a post (round 15)
_POST_STARTS = set(_ALL_BY_FIRST) | _PREFIXES | {exact("tướng"), _TAP}  # (round 13: "… Nga tướng X", _general_after_body)


def _match_seq(words: list[_Word], i: int, seqs: dict[str, list[tuple[str, ...]]]) -> int:
    """Length of the longest sequence in *seqs* (by first word) starting at word *i*, or 0."""
    if i >= len(words):
        return 0
    for seq in seqs.get(words[i].low, ()):
        n = len(seq)
        if i + n <= len(words) and all(words[i + k].low == seq[k] for k in range(n)) and all(
            _joined(words, i + k) for k in range(1, n)
        ):
            return n
    return 0


# (Round 13) Domains of a board that follow "Phó ban" in lower case ("Phó ban tuyên giáo").
_BOARD_DOMAINS = {exact(w) for w in "tuyên dân tổ kiểm an nội".split()}
_BOARD_PAIRS = _CAP_PAIRS | _BODY_PAIRS
_PROJECT_BOARD = tuple(exact(w) for w in "quản lý dự án".split())
_STANDING = (exact("thường"), exact("trực"))
_INCUMBENT = {(exact("đương"), exact("nhiệm")), (exact("đương"), exact("chức"))}
_SECRETARIAT = (exact("ban"), exact("bí"), exact("thư"))

# (Round 11) Posts that, after "Hội đồng", name a council of their holders, no post of anyone named after.
_COUNCIL = (exact("hội"), exact("đồng"))
_COUNCIL_POSTS = {tuple(exact(w) for w in p.split()) for p in ("tham mưu trưởng", "bộ trưởng", "tổng tham mưu trưởng")}


def _post_at(words: list[_Word], i: int, before_name: bool = False) -> tuple[int, bool]:
    """(length of a post starting at word *i* with its prefixes, whether a rank), or (0, False).

    :param before_name: also match posts that count only right before a name (``đại biểu``);
        those are then reported as ranks (no body follows them).
    """
    if words[i].low == "quyền" and i > 0 and words[i - 1].low in ("ủy", "uỷ", "thừa", "chính"):
        # "thừa ủy quyền Thủ tướng": on the Prime Minister's behalf, no post; "chính quyền
        # Tổng thống X": X's administration, the post starts after "quyền" (X is not acting)
        return 0, False
    if words[i].text == "tướng" and 0 < i < len(words) - 1 and _general_after_body(words, i):
        return 1, True  # (round 13) "Tư lệnh Không quân Nga | tướng Viktor Bondarev": a general's rank
    if words[i].low == _TAP and i + 2 < len(words) and words[i + 1].low == _SU and _joined(words, i + 1) and (
        _joined(words, i + 2)
    ):
        n, rank = _post_at(words, i + 2, before_name)
        return (n + 2, rank) if n else (0, False)  # (round 15) "Tập sự Phó Tổng Biên tập": on probation, the post's
    j = i
    while j < len(words) and words[j].low in _PREFIXES and (j == i or _joined(words, j)):
        j += 1
    n = _match_seq(words, j, _ALL_BY_FIRST)
    if (
        not n and j > i and j + 1 < len(words) and words[j - 1].low == "phó" and words[j].low == "ban"
        and _joined(words, j + 1) and (
            (words[j + 1].is_cap and words[j].text == "Ban")
            or ((words[j + 1].is_cap or words[j + 1].low in _BOARD_DOMAINS) and j + 2 < len(words) and _joined(words, j + 2) and (
                (words[j + 1].low, words[j + 2].low) in _BOARD_PAIRS
            ))
            or (tuple(w.low for w in words[j + 1:j + 5]) == _PROJECT_BOARD or (  # (round 16) "Phó ban quản lý dự án",
                words[j].text == "Ban" and tuple(w.low for w in words[j + 1:j + 3]) == _QUAN_LY  # "Phó Ban quản lý đường
            ))  # sắt đô thị": a state's project or management board (not a market's "phó ban quản lý chợ", lower case)
        )
    ):
        n = 1  # "Phó Ban Dân vận Tỉnh ủy", "Phó Ban Kinh tế Trung ương": the deputy head of a party board;
        # (round 13) "Phó ban tuyên giáo Thành ủy", "Phó ban An toàn giao thông TP": written with a lower-case
        # "ban", a board's known domain after it
    elif not n and j > i and j + 1 < len(words) and words[j - 1].low == "phó" and _joined(words, j + 1) and (
        words[j].low in ("phòng", "khoa") and (words[j + 1].is_cap or words[j + 1].text.isupper() or (
            # (round 18) "Cựu phó khoa dược, | Trung tâm y tế huyện X": a department in lower case, then its hospital
            words[j].low == "khoa" and _parent_follows(words, j + 1)
        ))
    ):
        n = 1  # (round 12) "Phó phòng Tham mưu Công an tỉnh", "Phó phòng Giáo dục trung học": a deputy head of a
        # department, "trưởng" left out as the press does; (round 17) a hospital's: "Phó khoa Hồi sức tích cực"
    elif not n and j > i and j + 2 < len(words) and words[j - 1].low == "phó" and (
        words[j].low, words[j + 1].low
    ) == ("công", "an") and words[j + 2].low in _LEVELS and _joined(words, j + 1) and _joined(words, j + 2):
        n = 2  # (round 12) "Phó Công an xã Ea Tu", "Phó Công an huyện": the deputy head of a local police
    elif not n and j >= i + 2 and (words[j - 2].low, words[j - 1].low) == _STANDING and j + 2 < len(words) and (
        tuple(w.low for w in words[j:j + 3]) == _SECRETARIAT and _joined(words, j + 1) and _joined(words, j + 2)
    ):
        n = 3  # (round 13) "Thường trực Ban Bí thư": the Party's standing secretary, no "Bí thư" of a body
    elif not n and j + 2 < len(words) and words[j].low == "trưởng" and words[j + 1].text == "CA" and (
        words[j + 2].low in _LEVELS
    ) and _joined(words, j + 1) and _joined(words, j + 2):
        n = 2  # (round 13) "Trưởng CA quận Hoàn Kiếm", "Phó trưởng CA phường": the police written short (not a
        # shift's "trưởng ca", in lower case)
    if not n or (j > i and not _joined(words, j)):
        return 0, False
    seq = tuple(w.low for w in words[j:j + n])
    if seq == ("đại", "sứ") and j + n < len(words) and words[j + n].low in ("quán", "quan"):  # (and its typo)
        return 0, False  # "Đại sứ quán" is a body
    if j == i and i >= 2 and (words[i - 2].low, words[i - 1].low) == _COUNCIL and _joined(words, i) and (
        seq in _COUNCIL_POSTS
    ):
        return 0, False  # (round 11) "Hội đồng | tham mưu trưởng liên quân": the chiefs' council, a body
    if seq in _NAME_POSTS and (not before_name or j > i):
        return 0, False
    return j + n - i, seq in _RANK_SEQS or seq in _NAME_POSTS


def _parent_follows(words: list[_Word], k: int) -> bool:
    """(Round 18) Whether a hospital or a health centre follows a comma within three lower-case
    words from *k*: "phó khoa dược, | Trung tâm y tế …", "khoa nội, | Bệnh viện …"."""
    for m in range(k, min(k + 3, len(words) - 2)):
        if words[m].is_cap or not _joined(words, m):
            return False
        if words[m + 1].gap == ", " and (words[m + 1].text == "BV" or (words[m + 1].text, words[m + 2].low) in (
            ("Bệnh", "viện"), ("Trung", "tâm")
        )):
            return True
    return False


def _general_after_body(words: list[_Word], i: int) -> bool:
    """(Round 13) Whether a lower-case "tướng" at *i* is a general's rank written short between a
    body's name and a name ("Không quân Nga tướng X", "Quân khu 2 tướng Y"); not a rank's or a
    post's last word ("Đại tướng", "Thủ tướng"), nor a word of prose ("các tướng")."""
    before, after = words[i - 1], words[i + 1]
    return (
        words[i].gap == " " and (before.is_cap or before.text.isdigit()) and before.low not in _GENERALS_BEFORE
        and after.is_cap and after.gap == " "
    )


_GENERALS_BEFORE = {exact(w) for w in "thủ đại thượng trung thiếu phó chuẩn".split()}


def _post_of_country(title: str) -> bool:
    """Whether *title* is a post and a foreign country, nothing else: ``Thủ tướng Belarus``."""
    words = _words(clean(title))
    n, _ = _post_at(words, 0)
    if 0 < n < len(words) - 2 and (words[n].low, words[n + 1].low) in (("quốc", "hội"), ("chính", "phủ")):
        n += 2  # (round 8) "Chủ tịch Quốc hội Cuba": a country's parliament or government
    return 0 < n < len(words) and tuple(w.text for w in words[n:]) in _COUNTRY_SEQS and words[n].text != "Việt"


def is_post(title: str) -> bool:
    """Whether *title* is a bare post, nothing after it: ``Phó Thủ tướng``, ``Đại tá``, ``ĐB``."""
    words = _words(clean(title))
    n, _ = _post_at(words, 0, before_name=True)
    return bool(words) and n == len(words)


_HOSTS = {(exact("chủ"), exact("nhà")), (exact("sở"), exact("tại"))}  # "nước chủ nhà", "nước sở tại": the host country


def _body_tail(words: list[_Word], i: int, limit: int = 20, stop_at_person: bool = True) -> int:
    """How many words from *i* continue the name of a body after a post.

    :param stop_at_person: stop before a capitalised run that starts with a surname
        (in "Chủ tịch UBND tỉnh Đoàn Thu Hà" the name is not part of the body).
    """
    if 1 < i < len(words) and words[i - 1].low in ("nước", "tướng") and words[i].is_cap and words[i].gap == " " and (
        words[i - 2].low, words[i - 1].low
    ) in (("tịch", "nước"), ("thủ", "tướng")) and _post_at(words, i)[0]:
        return 0  # (round 7) "Thừa ủy quyền của Chủ tịch nước | Thứ trưởng Bộ Xây dựng X": the next post, no body's
    if 1 < i < len(words) and words[i].low == "đảng" and (words[i - 2].low, words[i - 1].low) in (
        ("tổng", "thống"), ("thủ", "tướng")
    ):
        return 0  # (round 10) "tổng thống | đảng Dân chủ X": the president's party, not a body he heads
    if 0 < i < len(words) - 1 and words[i].low == "nước" and words[i].gap == " " and words[i - 1].low in ("tướng", "thống"):
        m = 3 if tuple(w.low for w in words[i + 1:i + 3]) in _HOSTS else 1
        if i + m < len(words) and (m == 3 or _country_at(words, i + 1)):
            return m + _country_at(words, i + m)  # (round 14) "Thủ tướng nước chủ nhà | Angela Merkel", "Thủ
            # tướng nước Đức | X": the country said with "nước" (country)
    # (round 11) "Trưởng ban chỉ đạo | thi THPT quốc gia 2017", "Trưởng ban tổ chức | Lễ hội …": the longer reading
    board = _ad_hoc_board(words, i)
    n = 0
    # a hospital's or a school's department ("Trưởng khoa Ngoại Lồng ngực mạch máu"): its name
    # goes on in lower case after its capitals, up to a verb or a function word
    department = i >= 1 and words[i - 1].low == "khoa"
    company = False  # right after "Công ty", "Xí nghiệp": the company's own words, in lower case
    while n < limit and i + n < len(words) and (
        _joined(words, i + n) or _dash_in_body(words, i + n, n) or _comma_in_body(words, i + n, n)
    ):
        w = words[i + n]
        pair = (w.low, words[i + n + 1].low) if i + n + 1 < len(words) else None
        if n >= 2 and (words[i + n - 2].low, words[i + n - 1].low) in _COMPANY_HEADS or (
            n and words[i + n - 1].low in ("tnhh", "mtv")
        ):
            company = True
        if (company or (department and n and not w.text.isdigit())) and (m := _company_words(words, i + n)):
            n += m  # "Công ty phát điện 1", "Công ty TNHH một thành viên thoát nước", "Xí nghiệp xe buýt"
            continue
        company = False
        if n >= 4 and w.gap == ", " and _listed_domains(words, i + n):
            n += 2  # (round 11) "Ủy ban Văn hóa, Giáo dục, Thanh niên, | Thiếu niên | và Nhi đồng"
            if _three_syllables(words, i + n):
                n += 1  # (round 17) "Thanh thiếu | niên"
            continue
        if w.low == "chợ" and i + n >= 2 and (words[i + n - 2].low, words[i + n - 1].low) == _MANAGEMENT and (
            i + n + 1 < len(words) and words[i + n + 1].is_cap and _joined(words, i + n + 1)
        ):
            run = _name_run(words, i + n + 1) or 1
            if run >= 4 and _starts_person(words, i + n + 1 + run - 3, 3):
                run -= 3  # "Ban quản lý chợ Vinh | Lê Văn Hà": the market's name, then its head's
            n += 1 + min(4, run)  # (round 12) "tổ quản lý chợ | Lương Văn Can": the market
            continue  # a board runs, named for a person as streets are (its name is no one's in the article)
        after_ban = i + n > 0 and words[i + n - 1].low == "ban"  # "Ban tổ chức", "Trưởng ban công tác"
        if w.text in ("PV", "CTV") or (n and w.text.isupper() and w.low in _DEGREES and i + n + 1 < len(words) and (
            words[i + n + 1].gap in (" ", ".", ". ") and (_starts_person(words, i + n + 1) or words[i + n + 1].low in _DEGREES)
        )):  # (round 15) "Chủ tịch Hội đồng Trường ĐH | PGS Nguyễn Văn Quang": the holder's degree, then his
            # name (but "Liên đoàn LS Việt Nam", the lawyers' federation: no name after "LS")
            break  # "... Cục Hàng hải Việt Nam PV: ...": the reporter's question follows
        if n and w.text in ("Năm", "Tháng", "Ngày") and i + n + 1 < len(words) and words[i + n + 1].text.isdigit() and (
            words[i + n + 1].gap == " "
        ):
            break  # (round 19, seed 59) "Tổng giám đốc Vinaconex | Năm 2017, …": a date opens the next sentence
        if n and pair in _INCUMBENT:
            break  # (round 13) "tổng thống Mỹ | đương nhiệm đầu tiên": in office, no part of the body
        if n and w.text == "tướng" and i + n + 1 < len(words) and words[i + n + 1].is_cap and _joined(words, i + n + 1):
            break  # (round 13) "Tư lệnh Lực lượng Không quân Nga | tướng Viktor Bondarev": a general, then his name
        if n and pair in _VERB_PAIRS and w.text.islower() and words[i + n - 1].low != "hội":
            break  # (round 8) "Giám đốc Trung tâm điều tra xã hội học | đồng tình với ý kiến" (not "Hội đồng")
        if n and w.is_cap and w.low in _RANK_FIRSTS and _post_at(words, i + n)[1]:
            break  # "Cục trưởng Cục Cứu hộ - Cứu nạn | Thiếu tướng X": the next person's rank
        if n >= 2 and pair == ("đại", "diện") and (words[i + n - 2].low, words[i + n - 1].low) == ("cơ", "quan"):
            n += 2  # "Cơ quan đại diện Bộ Ngoại giao tại TP.HCM": a representative office
            continue
        if n and w.text in _PALACES and words[i + n - 1].low == "điện":
            n += 1  # "Tổng Thư ký điện Elysee": a palace's name, not a person's
            continue
        if w.text in _PSEUDONYM_FIRST and any(tuple(x.text for x in words[i + n:i + n + len(p)]) == p for p in PSEUDONYMS) and (
            n == 0 or not (_named_body_before(words, i + n) or words[i + n - 1].low in _PLACE_WORDS
                           or words[i + n - 1].text.isupper() or words[i + n - 1].low in ("trị", "trường"))
        ):
            break  # "Tổng Bí thư | Trường Chinh" (but "Trường THPT Trường Chinh", "đường Trường Chinh" are named after him)
        if n == 0 and pair == ("phụ", "trách") and i + 2 < len(words) and words[i + 2].is_cap and _body_opens(words, i + 2):
            n += 2  # "Phó Giám đốc phụ trách Sở Y tế", "Phó Trưởng ban phụ trách Ban Thực hiện chính sách"
            continue
        if n and words[i + n - 1].low == _KY and tuple(x.low for x in words[i + n:i + n + 4]) == _LAND_USE_RIGHTS:
            n += 4  # "Văn phòng Đăng ký quyền sử dụng đất"
            continue
        if n and w.low == "số" and i + n + 1 < len(words) and words[i + n + 1].text.isdigit() and words[i + n + 1].gap == " ":
            n += 2  # "Hạt Quản lý đê điều số 5", "Đội Cảnh sát giao thông số 15"
            continue
        if n and _foreign_pair(words, i + n):
            break  # "Chủ tịch Ủy ban Quân lực Thượng viện | John McCain": the next person
        if n and words[i + n - 1].low == "phòng" and tuple(x.low for x in words[i + n:i + n + 3]) == ("chủ", "tịch", "nước"):
            n += 3  # "Chủ nhiệm Văn phòng Chủ tịch nước": the President's office
            continue
        if n and w.is_cap and (pair in _OPENER_PAIRS or (
            pair == ("khu", "vực") and i + n + 2 < len(words) and words[i + n + 2].text.islower()
        )):  # ("… Quốc gia | Khu vực từ Hà Tĩnh đến …": the next sentence, not "Đài … Khu vực Nam Bộ")
            break  # "Tổng giám đốc Sabeco | Liên quan đến …": the next sentence, its full stop missing
        if pair == ("liên", "quan") and n and w.text.islower():
            break  # "Giám đốc Sở Tài nguyên - Môi trường TP HCM | liên quan đến …": the sentence goes on
        if n and pair == ("chủ", "tịch") and words[i + n - 1].text == "Đoàn" and _joined(words, i + n + 1):
            n += 2  # "Ủy viên Đoàn Chủ tịch Tổng LĐLĐVN": the presidium, no post of its own
            continue
        if pair == ("thông", "tin") and n and words[i + n - 1].low == _NGHE and _joined(words, i + n + 1) and (
            i + n + 2 >= len(words) or words[i + n + 2].gap != " "
            or words[i + n + 2].low not in _STOP | {"thêm", "rằng"}  # ("Sở … Công nghệ | thông tin rằng": the verb)
        ):
            n += 2  # (round 9) "phòng Khảo thí - Công nghệ | thông tin": information technology, a unit's domain
            continue
        if pair == ("thông", "tin") and n and w.text.islower() and words[i + n - 1].low not in _INFORMATION_HEADS and (
            (i + n + 2 < len(words) and words[i + n + 2].low in _STOP | {"thêm", "rằng", "trường"})
            or words[i + n - 1].is_cap or words[i + n - 1].low in ("vụ", "hội") or words[i + n - 1].text.isdigit()
        ):  # (round 15: "Đội CSGT số 15 | thông tin": after a unit's number, the verb)
            break  # "Vụ Công chức, viên chức | thông tin thêm", "Bộ Nội vụ | thông tin trường hợp", "… của Quốc hội |
            # thông tin": the verb (but "Vụ Công nghệ thông tin", "Trung tâm thông tin", "Phòng Văn hóa và thông tin")
        if w.low == "không" and n and words[i + n - 1].low not in ("hàng", "phòng") and not (
            pair == ("không", "quân") and w.is_cap
        ):  # ("Bộ Chỉ huy Không quân": the air force)
            break  # "Cục Văn hóa cơ sở | không đồng tình": "not", unless "hàng không", "phòng không"
        if pair and _joined(words, i + n + 1) and (
            pair in _BODY_PAIRS or (pair in _CAP_PAIRS and (w.text[:1].isupper() or after_ban))
        ):
            n += 2
        elif w.is_cap and (place := _province_at(words, i + n)):
            n += place  # "UBND TP. Hồ Chí Minh": a province, though it starts with a surname
        elif w.low == "vùng" and n and i + n + 1 < len(words) and words[i + n + 1].is_cap and _joined(words, i + n + 1) and any(
            x.low in ("cục", "tâm", "trạm", "vụ") for x in words[max(0, i - 1):i + n]
        ):
            n += 1  # "Chi cục kiểm dịch động vật vùng Lạng Sơn": the region an office serves
        elif w.low in ("khóa", "khoá") and i + n + 1 < len(words) and (_roman(words[i + n + 1].text) or (
            words[i + n + 1].text.isdigit() and len(words[i + n + 1].text) <= 2 and words[i + n + 1].gap == " "
        )):  # (round 19) "đại biểu Quốc hội khóa 13": the term in figures
            n += 2  # "Ủy viên Trung ương Đảng khóa X, XI, XII"
            while i + n < len(words) and words[i + n].gap == ", " and (
                _roman(words[i + n].text) or (words[i + n].text.isdigit() and len(words[i + n].text) <= 2)
            ):
                n += 1
        elif w.text in ("Ban", "Sở", "Bộ", "Cục", "Hội") and _after_place_name(words, i + n):
            break  # "Chủ tịch UBND tỉnh Khánh Hòa | Ban cán sự đảng …": a new phrase
        elif n and w.gap in ("'", "’") and words[i + n - 1].is_cap:
            n += 1  # "Đắk R'lấp", "Cư M’gar": a place's name goes on after its apostrophe
        elif w.text in _STARTERS and w.low not in _BODY_WORDS and not (
            w.text == "Bà" and n and words[i + n - 1].is_cap and words[i + n - 1].text not in _STARTERS
        ) and not (
            w.text == "Bà" and n and _place_level_before(words, i + n)
        ) and not (
            n and words[i + n - 1].low in _SHRINES
        ) and not (
            n >= 2 and (words[i + n - 2].low, words[i + n - 1].low) == _RESEARCH and w.gap == " "
        ) and not (w.text == "Về" and n and words[i + n - 1].low == "ban") and not (  # ("Ủy ban Về các vấn đề xã hội")
            n and words[i + n - 1].low in ("ban", "ub") and tuple(x.low for x in words[i + n:i + n + 3]) in _BODY_TRIPLES
        ) and not (  # (round 19) "Ủy ban Các vấn đề xã hội", "UB Các vấn đề xã hội": the committee's name in capitals
            _place_name_after(words, i + n)
        ) and not _second_place_syllable(words, i + n):  # (round 9: "huyện Tuy Đức" is a place, not "Tuy nhiên")
            break  # ("quận Hai Bà Trưng" is a place, "đền Bà Chúa Kho" a shrine)
        elif w.text.islower() and _after_place_name(words, i + n):
            break  # "Chủ nhiệm UB Kiểm tra Tỉnh ủy Sơn La | sở ..."
        elif w.text.isdigit() and n and words[i + n - 1].low in (
            "quận", "phường", "đội", "số", "kv", "vực", "tổ", "khu", "q", "p", "đoàn", "phố", "đạo", "vùng",
            "ấp", "xóm", "khối",  # (round 13: "Bí thư chi bộ ấp 3")
        ):
            n += 1  # "Quận 1", "Đội 2", "chi nhánh KV 6", "Chi cục Thuế Q.1", "Sư đoàn 312", "Ban Chỉ đạo 389", "Vùng 3"
        elif w.text.isdigit() and n == 0 and i and words[i - 1].low in ("phố", "đoàn", "khu", "đội", "tổ"):
            n += 1  # "Trưởng khu phố | 3", "Sư đoàn trưởng Sư đoàn 312"
        elif w.text.isdigit() and w.gap == " " and n >= 2 and words[i + n - 1].text.islower() and any(
            x.low in ("đội", "trạm", "tổ", "tâm") for x in words[max(0, i - 2):i + n]
        ) and words[i + n - 1].low not in _LEVELS and (
            i + n + 1 >= len(words) or words[i + n + 1].gap != " "
            or (not words[i + n + 1].text.isdigit() and words[i + n + 1].low not in _COUNTED)
        ):
            n += 1  # "Đội trưởng Đội Tuần tra kiểm soát 188": a team's number after its name
        elif w.low == "tại" and n and any(x.low == "nhánh" for x in words[max(0, i - 2):i + n]) and (
            m := _capitalised_place(words, i + n + 1)
        ):
            n += 1 + m  # "Giám đốc chi nhánh Văn phòng đăng ký đất đai tại Phú Quốc": where the branch is
        elif w.low == "các" and n and (m := _programmes(words, i + n)):
            n += m  # (round 13) "Ban Sản xuất các chương trình giải trí VTV3": a broadcaster's board, named for what it makes
        elif w.low == "các" and (n or _post_ends_in_body(words, i)) and i + n + 2 < len(words) and words[i + n + 1].low in _PLURAL_BODIES and (
            words[i + n + 2].text.islower()
        ):
            n += 1  # "Ban Quản lý các khu công nghiệp", "xây dựng các công trình dân dụng"
        elif w.low == "của" and _body_opens(words, i + n + 1):
            n += 1  # "Người phát ngôn của Chính phủ", "Ủy ban Tư pháp của Quốc hội"
        elif w.low == "của" and i >= 2 and (words[i - 2].low, words[i - 1].low) == ("phái", "đoàn") and (
            c := _country_at(words, i + n + 1) or (2 if tuple(x.text for x in words[i + n + 1:i + n + 3]) == ("Việt", "Nam") else 0)
        ):
            n += 1 + c  # (round 17) "Trưởng phái đoàn thường trực | của Việt Nam | tại Liên hợp quốc": whose mission
        elif w.low == "của" and n and tuple(x.low for x in words[i + n + 1:i + n + 3]) in _COMPANY_WORDS:
            n += 3  # "Trưởng phòng Xuất nhập khẩu của công ty": a company's post, which the facet leaves out
        elif w.low == "về" and n and words[i + n - 1].low == "ban" and tuple(x.low for x in words[i + n + 1:i + n + 4]) in _BODY_TRIPLES:
            n += 4  # "Ủy ban về các vấn đề xã hội (của Quốc hội)"
        elif n and pair in _BOARDING and _joined(words, i + n + 1) and (
            words[i + n - 1].low == "tộc" or (words[i + n - 1].text.isupper() and words[i + n - 1].text.startswith("PT"))
        ):
            n += 2  # (round 11) "Trường Phổ thông dân tộc | bán trú", "Trường PTDT | nội trú": a boarding school
        elif w.low == "về" and n >= 2 and (words[i + n - 2].low, words[i + n - 1].low) in _NATIONAL and (
            i + n + 1 < len(words) and words[i + n + 1].is_cap and _joined(words, i + n + 1)
            and not _starts_person(words, i + n + 1) and not _post_at(words, i + n + 1)[0]
            and words[i + n + 1].text not in _STARTERS
        ):
            n += 1  # (round 11) "Văn phòng Quốc gia | về Giảm nghèo", "Ủy ban Quốc gia về Người cao tuổi": what a
            # national body is for, capitalised (a person, a post or a sentence's opener after "về" is no part of it)
        elif w.low == "về" and n >= 2 and (
            (words[i + n - 2].low, words[i + n - 1].low) == _STATE or (words[i + n - 2].low, words[i + n - 1].low) in _NATIONAL
        ) and (m := _lower_domain(words, i + n + 1)):  # (round 16: "dữ liệu quốc gia | về dân cư")
            n += 1 + m  # (round 15) "Cục Giám định nhà nước | về chất lượng công trình xây dựng": what the state's office is for
        elif w.low == "tại" and n and (event := _delegation_event(words, i, i + n)):
            n += 1 + event  # (round 11) "Trưởng đoàn TTVN | tại SEA Games 29": where a delegation goes
        elif w.low == "tại" and n and (place := _embassy_place(words, i, i + n)):
            n += 1 + place  # "Đại sứ Việt Nam tại Nhật Bản", "Tổng Lãnh sự quán tại Lào"
        elif tuple(x.low for x in words[i + n:i + n + 3]) in _BODY_TRIPLES and n and words[i + n - 1].low in (
            "ban", "hiệp", "ủy", "uỷ"
        ):
            n += 3  # "Ủy ban các vấn đề xã hội" (of the National Assembly), "Liên hiệp các tổ chức hữu nghị",
            # "Đảng ủy các cơ quan Đảng tỉnh"
        elif w.low == "về" and n and i + n + 1 < len(words) and (
            words[i + n - 1].low in ("phạm", "chính") and (
                words[i + n + 1].low in _BODY_WORDS or words[i + n + 1].low in _BODY_TAIL_WORDS
                or tuple(x.low for x in words[i + n + 1:i + n + 3]) in _BODY_PAIRS
            ) or (words[i + n - 1].text.isupper() and words[i + n + 1].text.isupper() and len(words[i + n + 1].text) > 1)
        ):
            n += 1  # "Phòng Cảnh sát điều tra tội phạm về kinh tế", "... về ma túy", "Phòng Cảnh sát quản lý
            # hành chính về trật tự xã hội", written short: "Phòng Cảnh sát QLHC về TTXH"
        elif w.text.isdigit() and n >= 2 and (words[i + n - 1].is_cap or (
            # (round 7) a name's lower-case second syllable: "Bệnh viện Nhi đồng 1", "BV Nhi đồng 2"
            words[i + n - 1].text.islower() and words[i + n - 2].is_cap and words[i + n - 1].gap == " "
            and w.gap == " " and (i + n + 1 >= len(words) or words[i + n + 1].gap != " "
                                  or words[i + n + 1].low not in _COUNTED)
        )) and any(
            x.text in _SCHOOLS or x.text == "BV" or x.low in ("viện", "tâm") for x in words[max(0, i - 1, i + n - 5):i + n]
        ):  # (the word before the tail too: "… – BV | Nhi đồng 1", a parent body after a dash)
            n += 1  # "Trường THPT Yên Định 1", "BV Nhi Đồng 1", "Trung tâm Cấp cứu 115": a school's, a hospital's number
        elif w.text.isdigit() and w.gap == " " and n and words[i + n - 1].is_cap and any(
            x.low in ("phố", "thôn", "xóm", "ấp", "khối") for x in words[max(0, i - 1):i + n]
        ) and (i + n + 1 >= len(words) or words[i + n + 1].gap != " " or words[i + n + 1].low not in _COUNTED):
            n += 1  # "Tổ phó tổ dân phố Trung Dân 2", "Trưởng thôn Đông 3": a neighbourhood's number
        elif w.low in _BODY_WORDS or w.text.isupper() or (
            w.text[:1].isupper() and (
                not _starts_person(words, i + n, 2 if stop_at_person else 3) or _named_body_before(words, i + n)
                # (round 13) "X – Trưởng Công an phường | Lý Thái Tổ": after a name, a ward named for a person
                or (not stop_at_person and n and words[i + n - 1].low in _NAMED_PLACES and not (
                    n >= 2 and words[i + n - 2].low == exact("thành")  # ("UBND Thành phố | Ngô Văn Quý": the city,
                ))  # then the next person)
            )
        ):
            n += 1
        elif n and w.is_cap and (run := _name_run(words, i + n)) >= 2 and _named_institution(words, i, i + n, i + n + run):
            n += run  # (round 11) "Bệnh viện Y học cổ truyền | Phạm Ngọc Thạch, tỉnh …": named for a person
        elif w.low == "và" and n and (m := _domain_before_parent(words, i + n)):
            n += m  # "Trung tâm Tư vấn công nghiệp và tiết kiệm năng lượng (Sở Công Thương …)" (round 7)
        elif w.low == "và" and i + n + 1 < len(words) and (
            words[i + n + 1].text[:1].isupper() or words[i + n + 1].low in _BODY_WORDS
            or words[i + n + 1].low in _BODY_TAIL_WORDS
            or tuple(x.low for x in words[i + n + 1:i + n + 3]) in _BODY_PAIRS  # "chữa cháy và cứu hộ cứu nạn"
        ) and not _post_at(words, i + n + 1)[0] and not _honorific_at(words, i + n + 1) and not (
            tuple(x.text for x in words[i + n + 1:i + n + 3]) == ("chỉ", "huy")  # (round 13) "Trưởng Công an phường
        ) and not (  # X | và chỉ huy Đội …": a second post, in lower case (not "Ban Chỉ huy")
            words[i + n + 1].is_cap and words[i + n + 1].text.isascii() and _foreign_name(words[i + n + 1].text)
        ) and not _starts_person(words, i + n + 1, 3):
            # ("Tổng thống và David Pecker", "Phó Chủ tịch UBND tỉnh và Lê Văn C, Giám đốc …": someone else)
            n += 1
        elif (n or _post_ends_in_body(words, i)) and _second_syllable(words, i + n):
            n += 1  # ("Trưởng phòng Cảnh sát | điều tra": the post itself named the body)
        elif w.text.isdigit() and w.gap == "-":  # "Covid-19"
            n += 1
        elif n and _completes_word(words, i + n):
            n += 1  # "Bộ trưởng Lao động và Trợ cấp", "Cảng vụ Hàng không", "Vụ châu Âu"
        elif department and n and w.text.islower() and w.gap == " " and i + n + 1 < len(words) and (
            words[i + n + 1].low == "khoa" and words[i + n + 1].gap == " " and (w.low not in _STOP or w.low == "phụ")
        ):  # ("Trưởng khoa Nhi | và khoa Sản": two departments, not one)
            n += 2  # (round 9) "Trưởng khoa Ngoại | phụ khoa": a speciality ("phụ khoa", "nhi khoa") goes on
        elif department and n and w.text.islower() and w.gap == " " and words[i + n - 1].is_cap and (
            w.low not in _STOP and (i + n + 1 >= len(words) or words[i + n + 1].gap not in (" ", "-"))
        ):
            n += 1  # (round 9) "Trưởng khoa Thận - Nội tiết, Bệnh viện …": a department's capital and its
            # lower-case syllable, then the name ends ("Ngoại tiết lộ rằng" goes on: a verb)
        elif n and w.text.islower() and w.gap == " " and _project_board(words, i + n):
            n += 1  # (round 9) "Ban Quản lý dự án | chuyên ngành giao thông tỉnh X": what the projects are
        elif n >= 2 and (m := _unit_number(words, i + n)):
            n += m  # (round 15) "Phòng quản lý dự án | 2,", "Vùng Cảnh sát biển | 1,", "Sư đoàn hộ tống số | ba."
        else:
            break
    return max(n, board)


def _lower_domain(words: list[_Word], k: int) -> int:
    """(round 15) How many lower-case words from *k* name a body's domain: its known pairs and
    tail words ("chất lượng | công trình | xây dựng"), joined, up to the first other word."""
    m = 0
    while k + m < len(words) and _joined(words, k + m) and words[k + m].text.islower():
        if k + m + 1 < len(words) and _joined(words, k + m + 1) and (words[k + m].low, words[k + m + 1].low) in _BODY_PAIRS:
            m += 2
        elif words[k + m].low in _BODY_TAIL_WORDS and words[k + m].low not in _STOP:
            m += 1
        else:
            break
    return m


_NOT_UNIT_NUMBERS = {exact(w) for w in "thứ lần kỳ khóa khoá lớp tuổi năm".split()}
_NUMBER_WORDS = {exact(w) for w in "một hai ba bốn năm sáu bảy tám chín mười".split()}


def _unit_number(words: list[_Word], k: int) -> int:
    """(round 15) Words from *k* that number the unit just named, when the title ends there:
    a number ("… dự án 2,"), a Roman numeral ("… Quân đoàn IV.") or a number word after "số"
    ("… hộ tống số ba,"). A count goes on to what it counts ("… dự án 2 năm"), so only a
    number that the clause's punctuation (or the text's end) follows is taken."""
    w = words[k]
    if w.gap != " " or (k + 1 < len(words) and words[k + 1].gap == " ") or words[k - 1].low in _NOT_UNIT_NUMBERS:
        return 0  # ("tổng thống Mỹ thứ 45": the holder's ordinal, not the unit's; "nhiệm kỳ 2": a term)
    if (w.text.isdigit() and len(w.text) <= 3) or (_roman(w.text) and len(w.text) <= 4):
        return 1
    return 1 if w.low in _NUMBER_WORDS and words[k - 1].low == "số" else 0


def _second_place_syllable(words: list[_Word], k: int) -> bool:
    """(Round 14) Whether a sentence's opening word at *k* ("Phát", "Tân") is the second syllable of a
    place after its level's word: "Chủ tịch UBND xã Hòa | Phát cho biết" (not "Phát biểu", one word)."""
    return (
        k >= 2 and words[k - 2].low in _LEVELS and words[k - 1].is_cap and words[k - 1].gap == " " and words[k].gap == " "
        and words[k - 1].text not in _STARTERS
        and not (k + 1 < len(words) and words[k + 1].gap == " " and wordlist.default().joins(words[k].low, words[k + 1].low, strict=True))
    )


def _place_level_before(words: list[_Word], k: int) -> bool:
    """(Round 11) Whether capitalised word *k* opens a place's name of two capitals right after a
    level's word ("TP | Bà Rịa", "xã | Bà Điểm"), so that "Bà" there is no honorific ("Mrs")."""
    prev = words[k - 1]
    return (
        k + 1 < len(words) and (prev.low in _LEVELS or prev.low in _PLACE_WORDS or prev.text in ("TP", "Tp", "TX"))
        and (words[k].gap == " " or (words[k].gap in (". ", ".") and prev.text in ("TP", "Tp", "TX")))  # "TP. Bà Rịa"
        and words[k + 1].is_cap and words[k + 1].gap == " " and words[k + 1].text not in SURNAMES
    )


# (Round 11) The lower-case kinds of an ad-hoc board whose head's post names what it runs.
_AD_HOC = {tuple(exact(w) for w in p.split()) for p in ("chỉ đạo", "tổ chức")}
_EVENT_NOUNS = {tuple(exact(w) for w in p.split()) for p in ("giải thưởng", "giải đấu", "giải chạy", "giải bóng")}


_MANAGEMENT = (exact("quản"), exact("lý"))


def _ad_hoc_board(words: list[_Word], i: int) -> int:
    """(Round 11) After "Trưởng ban" (or "Phó trưởng ban"), how many words from *i* name an
    ad-hoc board written in lower case and what it runs: "Trưởng ban chỉ đạo | thi THPT quốc gia
    2017", "Trưởng ban tổ chức | Lễ Khai ấn đền Trần Nam Định" (up to a verb, a function word, a
    comma, a post or a person), or 0 (a standing body, "Ban Tổ chức Tỉnh ủy", is capitalised)."""
    if not (2 <= i and i + 2 < len(words) and words[i - 1].low == "ban" and words[i - 2].low == "trưởng"):
        return 0
    if (words[i].low, words[i + 1].low) not in _AD_HOC or not words[i].text.islower() or words[i + 1].gap != " ":
        return 0
    n = 2
    while n < 12 and i + n < len(words) and words[i + n].gap == " ":
        w = words[i + n]
        nxt = words[i + n + 1].low if i + n + 1 < len(words) else ""
        if w.text.islower():
            if w.low in _STOP or (w.low in _VERBS and (w.low, nxt) not in _EVENT_NOUNS | _BODY_PAIRS) or w.low in _LEVELS:
                break
        elif w.is_cap or w.text.isupper() or w.text.isdigit():
            if _post_at(words, i + n)[0] or w.text in _STARTERS or (
                _starts_person(words, i + n) and words[i + n - 1].low not in _SHRINES
            ):
                break
        else:
            break
        n += 1
    return n if n > 2 else 0


def _project_board(words: list[_Word], k: int) -> bool:
    """(Round 9) Whether lower-case word *k* goes on naming the projects a project board manages,
    after "Quản lý dự án" and its lower-case words ("Ban Quản lý dự án | chuyên ngành giao thông",
    "Ban QLDA | đầu tư xây dựng công trình dân dụng"): up to a verb, a function word or a place."""
    w = words[k]
    if w.low in _STOP or w.low in _LEVELS or w.low in _PLACE_WORDS or (
        w.low in _VERBS and w.low not in _BODY_TAIL_WORDS and w.low not in _BODY_WORDS
    ):
        return False
    j = k - 1
    while j > 1 and k - j <= 8 and words[j].text.islower() and words[j].gap == " " and words[j].low != "án":
        j -= 1
    if words[j].low != "án" or words[j - 1].low != "dự" or words[j].gap != " ":
        return False
    return j >= 3 and (words[j - 3].low, words[j - 2].low) == _MANAGES


_MANAGES = (exact("quản"), exact("lý"))


def _domain_before_parent(words: list[_Word], k: int) -> int:
    """(Round 7) How many words from "và" at *k* go on with a body's lower-case domain, up to its
    parent body in brackets or after a comma ("Đội Tuyên truyền và xử lý vi phạm, Phòng CSGT …",
    "Trung tâm Tư vấn công nghiệp và tiết kiệm năng lượng (Sở Công Thương …)"), or 0: only the
    parent closing the run shows that the lower-case words are still the body's name."""
    if words[k].gap != " " or not any(w.low in _BODY_HEADS or w.low == "đội" for w in words[max(0, k - 6):k]):
        return 0
    for m in range(1, 7):
        if k + m >= len(words):
            return 0
        w = words[k + m]
        if w.gap in (" (", ", ") and (w.text in _PARENT_HEADS or w.text in ("Phòng", "Công", "Cục")):
            return m if m > 1 else 0
        if m > 1 and w.low in ("tỉnh", "huyện", "thành", "tp") and k + m + 1 < len(words) and (
            _province_at(words, k + m + 1) or (w.low == "thành" and words[k + m + 1].low == "phố")
        ):
            return m  # "Ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn | tỉnh Bình Thuận": the province closes it
        if w.gap != " " or not w.text.islower() or w.low in _STOP or _post_at(words, k + m)[0]:
            return 0
    return 0


_COMPANY_WORDS = {tuple(exact(w) for w in p.split()) for p in ("công ty", "doanh nghiệp")}
_LAND_USE_RIGHTS = tuple(exact(w) for w in "quyền sử dụng đất".split())
_KY = exact("ký")
_NGHE = exact("nghệ")
_INFORMATION_HEADS = {exact(w) for w in "nghệ và tâm phòng ban cục sở viện toàn".split()}  # "... | thông tin" as a body's


# A sentence's opening words, capitalised: they end a title that a missing full stop runs on.
_OPENER_PAIRS = {
    tuple(exact(w) for w in p.split())
    for p in "liên quan|tuy nhiên|trước đó|theo đó|ngoài ra|đồng thời|bên cạnh|mặt khác|sau đó|cũng theo|người nhà|"
    "hiện nay|trong khi|vì vậy|do đó|tại đây|dự kiến|qua đó|từ đó|thời gian|cụ thể".split("|")
}

_RESEARCH = (exact("nghiên"), exact("cứu"))  # (round 11) what is researched: "Nghiên cứu | Tội phạm học"
_BOARDING = {tuple(exact(w) for w in p.split()) for p in ("bán trú", "nội trú")}
# (Round 11) National bodies, whose name goes on with "về" and what they are for.
_STATE = (exact("nhà"), exact("nước"))
_NATIONAL = {tuple(exact(w) for w in p.split()) for p in ("quốc gia", "trung ương")}
_BODY_TRIPLES = {("các", "vấn", "đề"), ("các", "tổ", "chức"), ("các", "cơ", "quan")}
_PALACES = {"Elysee", "Élysée", "Elysée", "Kremlin", "Buckingham"}
_SHRINES = {exact(w) for w in "đền chùa đình miếu phủ lăng".split()}  # their names follow: "đền Bà Chúa Kho"
_NAMED_PLACES = {exact(w) for w in ("phường", "đường", "phố")}  # named for people ("phường Bùi Thị Xuân")
# Nouns that "các" (the plural) puts inside a body's name: "Ban Quản lý các khu công nghiệp".
_PLURAL_BODIES = {exact(w) for w in "khu công dự cụm đơn trường cơ tổ hội vấn".split()}
_PROGRAMMES = (exact("chương"), exact("trình"))


def _programmes(words: list[_Word], k: int) -> int:
    """(Round 13) Length of "các chương trình giải trí" at *k* when a broadcaster's name (capitals:
    "VTV3") closes it, as a state television's boards are named, or 0."""
    if tuple(x.low for x in words[k + 1:k + 3]) != _PROGRAMMES or not all(_joined(words, x) for x in range(k + 1, k + 3)):
        return 0
    m = 3
    while m < 6 and k + m < len(words) and _joined(words, k + m) and not words[k + m].text.isupper() and (
        words[k + m].text.isalpha()
    ):
        m += 1
    if k + m < len(words) and _joined(words, k + m) and words[k + m].text.isupper() and len(words[k + m].text) > 2:
        return m
    return 0


_SCHOOLS = {"THPT", "THCS", "PTTH", "PTCS", "TH", "học"}


def _foreign_pair(words: list[_Word], k: int) -> bool:
    """Whether a foreign person's name (two capitalised ASCII words, neither a country's)
    opens at word *k*: "John McCain"."""
    if k + 1 >= len(words) or not words[k].is_cap or not words[k + 1].text[:1].isupper() or words[k + 1].gap != " ":
        return False  # (a foreign name may have a capital inside: "McCain")
    a, b = words[k].text, words[k + 1].text
    return (
        a.isascii() and b.isascii() and _foreign_name(a) and _foreign_name(b)
        and not _COUNTRY_IN.search(a + " " + b) and a not in _STATE_BRAND_WORDS and a != "Vietnam"
    )


def _post_ends_in_body(words: list[_Word], i: int) -> bool:
    """Whether the post just before word *i* ends in a body's capitalised name: "Trưởng phòng
    Cảnh sát" (a post of its own), after which the body's lower-case words go on."""
    return (i >= 3 and (words[i - 2].low, words[i - 1].low) in _POST_BODIES and words[i - 3].low in _BODY_HEADS) or (
        i >= 1 and words[i - 1].text in ("BQL", "BQLDA")  # (round 16) "Trưởng BQL | rừng phòng hộ …": "Ban quản lý" short
    )


_POST_BODIES = {tuple(exact(w) for w in p.split()) for p in ("cảnh sát", "quản lý")}
# What a company's name opens with; its own words may follow in lower case.
_COMPANY_HEADS = {
    tuple(exact(w) for w in p.split()) for p in ("công ty", "tập đoàn", "xí nghiệp", "nhà máy", "thành viên", "hữu hạn")
}
# A company's words that are also verbs, in the pairs that name its trade.
_COMPANY_PAIRS = {
    tuple(exact(w) for w in p.split())
    for p in "phát điện|phát triển|phát hành|khai thác|giải khát|xây dựng|xây lắp|cung ứng|cung cấp|bảo vệ|"
    "bảo hiểm|chế biến|đầu tư|tư vấn|vận tải|vận chuyển|xuất khẩu|xuất nhập|sản xuất|cấp nước|thoát nước|"
    "chiếu sáng|một thành|trách nhiệm|thành viên|hữu hạn|cổ phần|dịch vụ|kinh doanh|bảo dưỡng|truyền tải|"
    "gây mê|người lớn".split("|")  # (round 8: a hospital department's, "khoa Gây mê hồi sức", "Chống độc người lớn")
}


def _company_words(words: list[_Word], k: int) -> int:
    """How many lower-case words at *k* go on with a company's name right after its head
    ("Công ty | phát điện 1", "Xí nghiệp | xe buýt nhanh", "Công ty TNHH | một thành viên"),
    up to a verb or a function word; a number ends it."""
    w = words[k]
    if not _joined(words, k) or w.gap != " ":
        return 0
    if w.text.isdigit():
        return 1 if k and words[k - 1].text.islower() and words[k - 1].low not in _COMPANY_HEADS_LAST else 0
    nxt = words[k + 1] if k + 1 < len(words) else None
    if nxt is not None and nxt.gap == " " and (w.low, nxt.low) in _COMPANY_PAIRS:
        return 2
    if not w.text.islower() or w.low in _STOP or w.low in _VERBS or w.low in _SOFT_STOP:
        return 0
    return 1


_COMPANY_HEADS_LAST = {b for _, b in _COMPANY_HEADS}


def _body_opens(words: list[_Word], k: int) -> bool:
    """Whether a body's name opens at word *k* (after "của"): "Chính phủ", "Quốc hội", "Bộ
    Công an", "UBND tỉnh", "VCCI"; not a post ("thư ký của Bộ trưởng" is someone else's aide)."""
    if k >= len(words) or not _joined(words, k) or _post_at(words, k)[0]:
        return False
    w = words[k]
    if w.text.isupper() and len(w.text) >= 2:
        return True
    nxt = words[k + 1].low if k + 1 < len(words) else ""
    return w.is_cap and (w.text in _BODY_STARTS or (w.low, nxt) in _BODY_PAIRS or (w.low, nxt) in {
        ("quốc", "hội"), ("chính", "phủ"), ("trung", "ương"), ("thành", "ủy"), ("thành", "uỷ"), ("tỉnh", "ủy"), ("tỉnh", "uỷ")
    })


def _embassy_place(words: list[_Word], i: int, end: int) -> int:
    """After an embassy's post or body ("Đại sứ Việt Nam", "Tổng Lãnh sự quán"), the length of
    the country or city named after "tại" at *end*, or 0."""
    if not any(words[k].low in ("sứ", "sự", "tán", "diện") for k in range(max(0, i - 3), end)):  # ("Tham tán", "Cơ quan đại diện")
        return 0
    k = end + 1
    if k >= len(words) or not words[k].is_cap or not _joined(words, k):
        return 0
    for seq in _PROVINCES_BY_FIRST.get(words[k].text, ()):
        if tuple(w.text for w in words[k:k + len(seq)]) == seq:
            return len(seq)
    return 0


_THEN_IS = [tuple(p.split()) for p in ("khi đó là", "lúc đó là", "khi ấy là", "lúc ấy là", "hiện nay là", "hiện là",
                                       "nay là", "bấy giờ là", "thời điểm đó là",
                                       # (round 19) "Bí thư Thành ủy lúc bấy giờ là ông X"
                                       "lúc bấy giờ là", "khi bấy giờ là", "vào thời điểm đó là")]


def _then_is(words: list[_Word], j: int) -> int:
    """(Round 17) The length of "khi đó là", "hiện nay là" … at *j*, after a post and before its
    holder ("Giám đốc Sở khi đó là ông X"), or 0."""
    for lead in _THEN_IS:
        if tuple(w.low for w in words[j:j + len(lead)]) == lead and all(w.gap == " " for w in words[j + 1:j + len(lead)]):
            return len(lead)
    return 0


def _delegation_event(words: list[_Word], i: int, end: int) -> int:
    """(Round 11) After a delegation's post ("Trưởng đoàn thể thao Việt Nam"), the length of the
    capitalised event or place named after "tại" at *end* ("SEA Games 29", "Olympic Rio"), or 0."""
    if not (i >= 2 and words[i - 1].low == "đoàn" and (words[i - 2].low in ("trưởng", "phó") or (
        i >= 3 and words[i - 2].low == "phái" and words[i - 3].low == "trưởng"  # (round 17) "Trưởng phái đoàn Việt Nam tại Liên Hợp Quốc"
    ))):
        return 0
    k = end + 1
    while k < len(words) and k - end <= 5 and words[k].gap == " " and (
        words[k].is_cap or words[k].text.isupper() or (words[k].text.isdigit() and k > end + 1)
    ):
        if k == end + 1 and (_starts_person(words, k) or _post_at(words, k)[0] or words[k].text in _STARTERS):
            return 0
        k += 1
    return k - end - 1


def _honorific_at(words: list[_Word], k: int) -> bool:
    """Whether an honorific opens at *k*: "và đồng chí X", "và ông Y" lead to the next person."""
    return k < len(words) and (
        words[k].low in ("ông", "bà") or (words[k].low == "đồng" and k + 1 < len(words) and words[k + 1].low == "chí")
    )


def _completes_word(words: list[_Word], k: int) -> bool:
    """Whether lower-case word *k* ends a listed word that the word before it began (and that
    word did not already end one): a title goes on to the end of a word."""
    if k < 2 or words[k].gap != " " or (words[k - 1].gap != " " and not (
        words[k - 1].gap in _BODY_DASHES and words[k - 1].is_cap  # (round 9) "khoa Thận - Nội | tiết"
    ) and not (words[k - 1].gap.strip() == "&" and words[k - 1].is_cap)):  # (round 17) "Văn hóa & Gia | đình"
        return False
    if not words[k].text.islower() and not (words[k].is_cap and words[k - 1].text.islower()):
        return False  # lower case goes on a capital's word; a capital, a lower-case one's ("châu Âu")
    listed = wordlist.default()
    return listed.joins(exact(words[k - 1].text), words[k].low, strict=True) and not listed.joins(
        exact(words[k - 2].text), exact(words[k - 1].text), strict=True
    )


# Lower-case words that end a title when they follow it: verbs and function words
# ("Giám đốc Sở Y tế cho biết", "Cục trưởng Cục Điện ảnh đã ký").
_STOP = set(
    exact(w)
    for w in """
cho đã đang sẽ vừa mới là được bị có không cũng vẫn còn thì mà để về tại từ với khi trong ngoài
nói khẳng nhấn yêu cần trả ký trao gửi tiếp do vào ngày lại hoặc nhưng của từng đứng đánh
thăm dự chủ chia đề nêu bày tâm lưu mong nhận ghi đồng ủng cáo
hướng động chúc kiêm phụ hiện trước sau lúc năm tháng nay này đó ấy các những một hai ba ông bà anh
chị em cô ra lên xuống đi đến theo như nên vì nếu sau khẳng cùng và hay rằng bởi qua tới thay đón dẫn đảm
xin
""".split()  # (round 11: "xin", "Hiệu trưởng nhà trường | xin lỗi")
)


# Words after which a body's own name starts: "Cục | Điện ảnh", "Sở | Nông nghiệp".
_BODY_HEADS = set(
    exact(w) for w in "cục sở bộ vụ viện ban phòng hội đài tâm khoa và đoàn ty hàng trường đồng môn quán tổng đội báo bv khối quan"
    " bql bqlda".split()  # (round 16: "BQL rừng phòng hộ", the board written short)
)


# Lower-case words that may be a body's second syllable ("Cục Viễn thông", "Trung tâm Dự báo")
# but, further on, more likely a verb ("... Bộ Nội vụ thông tin", "... Cục Báo chí phát biểu").
# Lower-case words, beyond a body's second syllable, that still name it ("Trung tâm Quản lý
# và điều hành vận tải hành khách công cộng", "Cục Nghệ thuật biểu diễn").
_BODY_TAIL_WORDS = set(
    exact(w)
    for w in """biểu diễn vận tải hành khách công cộng quy phạm văn bản tàu cá thần kinh quản lý điều
    giao thông nông thôn kinh tế hạ tầng kỹ thuật xúc tiến thương mại dịch vụ tổng hợp môi trường chất lượng
    đo lường tiêu chuẩn chữa bệnh xuất nhập khẩu điều tra tội phạm ma túy trật tự buôn lậu chức vụ
    thanh toán đa tuyến giám định thực hiện chính sách huyết học truyền máu di tích đền chùa hình sự""".split()
)
# Lower-case words that most often follow "ông X Y Z" in the 15,000 real articles of
# ../shared/real-news (verbs and function words): after a title they start the sentence's
# predicate, not the body's name.
_VERBS = set(exact(w) for w in """
cho đã và là cũng có được ở làm khẳng nhấn không bị đang về để từng sẽ tại thông giữ nói cùng đi đề chỉ chia bày trong nhận do theo vẫn ký tiếp yêu đứng với từ lên sau vào bằng phát thừa còn chưa trên đưa phân lại khi khai thôi phải như tuyên giải đến ngụ khiến của bất ngày hiện nêu gây tới nắm mới mua xác rút khoảng tử dẫn thì bốc chạy đánh hay bức tâm cung qua ra xây kể lúc báo dùng ứng khuyến trao đều thay đẹp hứa nhắc trú mong bảo sáng đúc hôm nhưng vì một gửi trúng gần lưu tìm muốn vừa ghi đăng xông trước rất tuy lấy cảm chứ buộc thiếu giành chộp lo chuẩn dành cặp đóng thêm tóm tốt chứa mà cố trò tạo loan nuôi gắn tập ngừng rồi cạnh thế giật thử bởi nhớ nghỉ thẳng dường tỏ ngồi bẻ mẹ sang nằm giảm rào phê cam mắc hiếp gặp lấn lẫn vui hết đối nghiêm bỏ khởi bắt nhìn thất nên vô hy la băn bỗng đổi tin hô phản vốn ngay kêu tiết đáng vất nhất khá trốn mở ý người quả sức tố hồi cưới càng bán chúc đồng khuyên tặng
""".split())
_SOFT_STOP = set(exact(w) for w in "thông kiểm xác giải báo trình phát chỉ đánh tổ hỗ trực làm tham".split())


def _province_at(words: list[_Word], k: int) -> int:
    """Length of the province whose name starts at word *k* (joined), or 0."""
    for seq in _PROVINCES_BY_FIRST.get(words[k].text, ()):
        n = len(seq)
        if n > 1 and tuple(w.text for w in words[k:k + n]) == seq and all(
            _joined(words, k + m) or words[k + m].gap.strip() in ("-", "–") for m in range(1, n)
        ):  # ("Bà Rịa – Vũng Tàu": a province's two parts joined by a dash)
            if seq == ("Thừa", "Thiên") and k + n < len(words) and words[k + n].text == "Huế" and (
                words[k + n].gap.strip() in ("-", "–")
            ):
                return n + 1  # "Thừa Thiên - Huế"
            return n
    return 0


def _dashed_province_part(words: list[_Word], k: int) -> bool:
    """(Round 19) Whether word *k* follows a dash inside a province's name ("Thừa Thiên - | Huế",
    "Bà Rịa- | Vũng Tàu", "Bà Rịa – | Vũng Tàu")."""
    return words[k].gap.strip() in ("-", "–") and any(
        b + n > k for b in range(max(0, k - 3), k) if (n := _province_at(words, b))
    )


_COUNTRY_SEQS = {tuple(c.split()) for c in COUNTRIES.replace("\n", "").split("|")}
_PROVINCE_SEQ_SET = set(_PROVINCE_SEQS)
_PROVINCES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _seq in _PROVINCE_SEQS:
    _PROVINCES_BY_FIRST.setdefault(_seq[0], []).append(_seq)


def _roman(word: str) -> bool:
    return bool(word) and set(word) <= set("IVXL")


def _after_place_name(words: list[_Word], k: int) -> bool:
    """Whether word *k* follows a capitalised name of two words or more that is no body's
    (a place: "Tỉnh ủy Sơn La"), after which a lower-case word no longer belongs to the title."""
    return (
        k >= 3 and words[k - 1].is_cap and words[k - 2].is_cap
        and (words[k - 3].low in _LEVELS or words[k - 3].low in ("ủy", "uỷ"))
        and words[k].low != "và" and words[k].low not in _LEVELS  # "MTTQ Việt Nam tỉnh"
    )


_QUAN_LY = (exact("quản"), exact("lý"))


def _second_syllable(words: list[_Word], k: int) -> bool:
    """Whether lower-case word *k* goes on with the own name of a body, which only
    capitalises its first word: "Cục Điện ảnh", "Chi cục Kiểm lâm", "Cục Nghệ thuật biểu
    diễn" (up to four such words after the capital, never a verb or a function word)."""
    w = words[k]
    if not w.text.islower() or w.low in _STOP or w.text.isdigit():
        return False
    if k + 1 < len(words) and (w.low, words[k + 1].low) in _VERB_PAIRS:
        return False  # "Tổng cục Cảnh sát | nhiệt liệt biểu dương …": the sentence's verb
    # a body's own words reach further: "Trung tâm Quản lý và điều hành vận tải hành khách"
    for back in range(1, 15 if w.low in _BODY_TAIL_WORDS else 7):
        prev = words[k - back] if k - back >= 0 else None
        if prev is None:
            return False
        if back > 1 and (w.low in _SOFT_STOP or w.low in _VERBS) and w.low not in _BODY_TAIL_WORDS:
            return False  # past the second syllable, a verb ends the title
        if prev.is_cap:
            before = words[k - back - 1] if k - back >= 1 else None
            head_between = any(words[k - b].low in _BODY_HEADS for b in range(1, back))  # "Trung tâm nghiên cứu"
            return prev.low not in _LEVELS and (
                prev.low in _BODY_HEADS or (before is not None and before.low in _BODY_HEADS) or head_between
                # (round 8) what a body manages, after its "Quản lý": "Cục Quản lý Y dược | cổ truyền"
                or (before is not None and k - back >= 3 and (words[k - back - 2].low, before.low) == _QUAN_LY
                    and words[k - back - 2].is_cap and words[k - back - 3].low in _BODY_HEADS)
                # (round 11) a company's own name after its legal form: "Công ty TNHH Một thành viên
                # Công viên | cây xanh", "Công ty TNHH MTV Môi trường | đô thị"
                or (before is not None and k - back >= 2 and (
                    before.text in ("TNHH", "MTV") or (words[k - back - 2].low, before.low) in _COMPANY_HEADS))
                # (round 11) what a national body is for: "Ủy ban Quốc gia về Người | cao tuổi"
                or (before is not None and before.low == "về" and k - back >= 3
                    and (words[k - back - 3].low, words[k - back - 2].low) in _NATIONAL)
                # a lone capital inside a body's name, not a place's: "Đại sứ Đặc biệt"
                or (back == 1 and before is not None and not before.is_cap and not before.text.isupper()
                    and before.low not in _LEVELS and before.low not in _PLACE_WORDS
                    and words[k - 1].gap in (" ", " – ", " - ")
                    and w.low not in _VERBS)
            )
        if prev.low == "về" and k - back >= 1 and words[k - back - 1].low in ("phạm", "chính"):
            continue  # "Phòng Cảnh sát điều tra tội phạm về trật tự xã hội"
        if (prev.low in _STOP and prev.low not in _BODY_HEADS) or prev.low in _LEVELS or not _joined(words, k - back + 1):
            return False
    return False


# Verbs of two words that praise or thank, right after a title: never a body's words.
_VERB_PAIRS = {
    tuple(exact(w) for w in p.split())
    for p in "nhiệt liệt|biểu dương|hoan nghênh|chúc mừng|cảm ơn|cám ơn|đánh giá|ghi nhận|gửi lời|trân trọng|"
    "đồng tình|đồng ý|đồng thuận|nhất trí|"  # (round 8: agreeing, "… xã hội học | đồng tình với")
    "công bố|phát biểu|tiết lộ|"  # (round 9: "Thứ trưởng Bộ Quốc phòng | công bố trong buổi làm việc")
    "đồng chủ|đồng chỉ|đồng tổ".split("|")  # (round 10: "… Trung ương Đoàn | đồng chủ trì hội nghị", "đồng tổ chức")
}


# A dash inside a body's name, spaced or not: "Tài chính – Kế hoạch", "Tài chính- Kế hoạch".
_BODY_DASHES = {" – ", " - ", "- ", "– ", " -", " –"}


def _in_department(words: list[_Word], k: int) -> bool:
    """Whether the capitals just before word *k* name a hospital's department ("khoa Tai - Mũi")
    or a hospital named for its specialities ("Bệnh viện Sản - Nhi", "BV Lao - Phổi": round 7)."""
    j = k - 1
    while j > 0 and k - j <= 4 and words[j].is_cap and words[j].text != "BV":
        j -= 1
    return j < k - 1 and (words[j].low in ("khoa", "viện") or words[j].text == "BV") or _department_run(words, k)


def _department_run(words: list[_Word], k: int) -> bool:
    """(Round 8) Whether the words before word *k* are a hospital department's name of several
    parts, each a capital and its lower-case words: "khoa Cấp cứu - Hồi sức tích cực | - Chống
    độc", "khoa Phẫu thuật gây mê | - hồi sức" (no verb nor function word on the way back)."""
    j = k - 1
    while j > 0 and k - j <= 8 and words[j].low != "khoa":
        w = words[j]
        if w.text.isdigit() or w.low in _STOP or not (w.gap == " " or w.gap in _BODY_DASHES):
            return False
        j -= 1
    return words[j].low == "khoa" and j < k - 1 and words[j + 1].is_cap and words[j + 1].gap == " "


def _place_name_after(words: list[_Word], k: int) -> bool:
    """(Round 9) Whether the capitalised word *k*, right after a lower-case place word, opens the
    place's own name of two capitals ("huyện | Tuy Đức", "xã | Tuy An"), though alone it could start a
    sentence ("Tuy nhiên")."""
    return (
        0 < k < len(words) - 1 and words[k - 1].text.islower() and words[k - 1].low in _PLACE_WORDS
        and words[k].gap == " " and words[k + 1].is_cap and words[k + 1].gap == " "
    )


# (Round 9) Lower-case words that head a unit whose name may be two domains joined by a dash:
# "phòng Khảo thí - Công nghệ thông tin", "Ban Tổ chức - Cán bộ", "Trung tâm Kiểm định - Hiệu chuẩn".
_DOMAIN_UNIT_HEADS = {exact(w) for w in "phòng ban tâm vụ khoa ty".split()}


def _unit_domains(words: list[_Word], k: int) -> bool:
    """(Round 9) Whether a dash at word *k* joins a unit's two domains, each a capital and one
    lower-case word, the first right after the unit's head: "Trưởng phòng Khảo thí - Công nghệ
    Thông tin", "Phó trưởng phòng Tổ chức - Hành chính" (a verb, a function word, a post or a person
    after the dash is no part of it)."""
    if k < 3 or k + 1 >= len(words) or words[k].gap not in _BODY_DASHES or not words[k].is_cap:
        return False
    first, second, head, nxt = words[k - 2], words[k - 1], words[k - 3], words[k + 1]
    if head.low not in _DOMAIN_UNIT_HEADS or not first.is_cap or first.gap != " " or second.gap != " ":
        return False
    if not second.text.islower() or second.low in _STOP or second.low in _VERBS:
        return False
    if nxt.gap != " " or not (nxt.text.islower() or nxt.is_cap) or nxt.low in _STOP or nxt.low in _VERBS:
        return False
    return not (_starts_person(words, k) or _post_at(words, k)[0] or _province_at(words, k) or words[k].text in _STARTERS)


def _dash_in_body(words: list[_Word], k: int, n: int) -> bool:
    """Whether a dash at word *k* joins two parts of a body's name: "Ban Khoa học – Kỹ thuật"."""
    if n > 0 and k + 1 < len(words) and words[k].gap in _BODY_DASHES:
        nxt = words[k + 1]
        if n >= 2 and _unit_domains(words, k):
            return True  # (round 9) "Trưởng phòng Khảo thí - Công nghệ Thông tin tỉnh X"
        if words[k].low == "chi" and nxt.low == "nhánh" and nxt.gap == " ":
            return True  # (round 8) "Giám đốc Vietcombank - Chi nhánh Gia Lai": the bank's branch
        if words[k].text.islower() and words[k].low not in _STOP and nxt.gap == " " and nxt.text.islower() and (
            nxt.low not in _STOP and _department_run(words, k)
        ):
            return True  # (round 8) "Trưởng khoa Phẫu thuật gây mê - hồi sức": a department's two parts
        if _route_places(words, k):
            return True  # (round 8) "Ban quản lý dự án đường sắt đô thị Văn Cao - Hà Đông"
        if _place_then_province(words, k):
            return True  # (round 20) "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn"
        if k >= 2 and words[k - 2].low == "khoa" and nxt.gap == " " and (words[k].low, nxt.low) in _BODY_PAIRS:
            return True  # (round 18) "Trưởng khoa dược - vật tư thiết bị y tế, Bệnh viện X": a department's second
            # domain, a known pair, after its one-word first
    return (
        (n > 0 and words[k].gap in _BODY_DASHES and words[k].is_cap and (
            (words[k - 1].low in _BODY_WORDS | {"học", "thanh"} and words[k - 2].is_cap)
            or (words[k - 1].is_cap and words[k - 2].low in _COMPANY_HEADS_LAST)  # "Tập đoàn Than - Khoáng sản"
            or _in_department(words, k)  # a department's: "khoa Nhiễm – Thần kinh", "khoa Tai - Mũi - Họng"
            # (round 15) two known capitalised pairs either side: "Chủ nhiệm Hậu cần - Kỹ thuật Quân khu 5"
            or (n >= 2 and words[k - 2].is_cap and (words[k - 2].low, words[k - 1].low) in _CAP_PAIRS | _BODY_PAIRS
                and k + 1 < len(words) and words[k + 1].gap == " "
                and (words[k].low, words[k + 1].low) in _CAP_PAIRS | _BODY_PAIRS)
            # a company named for two places: "Công ty … Khai thác thủy lợi Dầu Tiếng - Phước Hòa"
            or (words[k - 1].is_cap and words[k - 2].is_cap and k + 1 < len(words) and words[k + 1].is_cap
                and words[k + 1].gap == " " and any(w.low in _COMPANY_HEADS_LAST for w in words[max(0, k - 14):k - 2])
                and not (words[k].text.isascii() and words[k + 1].text.isascii()))  # ("… Sóc Trăng - Soc Trang Waco")
            # two domains of two syllables either side: "Trung tâm Tư vấn Tuyển sinh - Truyền thông"
            or (n >= 3 and words[k - 2].is_cap and words[k - 1].text.islower() and k + 1 < len(words)
                and words[k + 1].text.islower() and words[k + 1].gap == " " and words[k + 1].low not in _STOP
                and any(w.low in _BODY_HEADS for w in words[max(0, k - 6):k - 2]))
            # "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên": two bodies' words either side
            or (words[k].low in _BODY_WORDS and words[k - 1].low in _BODY_WORDS and words[k - 1].text.islower()
                and any(w.is_cap for w in words[max(0, k - 5):k - 1]))  # (round 7: "Cục giáo dục nghề nghiệp - …")
        ) or (  # "Ban Thi đua-Khen thưởng": a capitalised pair after a hyphen
            n >= 2 and words[k].gap == "-" and words[k].is_cap and words[k - 1].text.islower() and words[k - 2].is_cap
            and k + 1 < len(words) and ((words[k].low, words[k + 1].low) in _CAP_PAIRS | _BODY_PAIRS
                                        or (_domain_pair(words, k) and words[k].text not in _BODY_STARTS))
            # (round 11: "Phòng Tài chính-Kế hoạch"; "Khoa Cấp cứu-Bệnh viện X" is a parent body, not a domain)
        ) or (  # "Phòng CSGT đường bộ - đường sắt": two of a body's lower-case pairs
            n >= 2 and words[k].gap in (" – ", " - ", "-") and words[k].text.islower() and k + 1 < len(words)
            and (words[k - 2].low, words[k - 1].low) in _BODY_PAIRS and (words[k].low, words[k + 1].low) in _BODY_PAIRS
        )) and not _starts_person(words, k) and not _post_at(words, k)[0]
        and words[k].low not in _BODY_HEADS and not _province_at(words, k)
    ) or (  # "Hội hữu nghị Việt Nam - Ấn Độ", "Trung tâm Trung Quốc – ASEAN": two countries
        n >= 2 and words[k].gap.strip() in ("-", "–") and _ends_country(words, k)
        and (words[k].text in ("ASEAN", "Asean") or bool(_country_at(words, k)))
    )


def _domain_pair(words: list[_Word], k: int) -> bool:
    """Whether words *k* and k+1 are a capital and a lower-case word that name a body's domain:
    "Tài chính", "Thương mại", "Tổng hợp" (both a body's words, or a body's pair)."""
    if k + 1 >= len(words) or not words[k].is_cap or words[k + 1].gap != " " or not words[k + 1].text.islower():
        return False
    pair = (words[k].low, words[k + 1].low)
    return (words[k].low in _BODY_WORDS and words[k + 1].low in _BODY_WORDS) or pair in _BODY_PAIRS or pair in _CAP_PAIRS


def _comma_in_body(words: list[_Word], k: int, n: int) -> bool:
    """(Round 8) Whether a comma at word *k* is inside a body's name that lists its domains, each
    a capital and its lower-case word: "Vụ Kế hoạch, Tài chính, Tổng hợp", "Trung tâm Xúc tiến Đầu
    tư, Thương mại và Du lịch". The list must close with "và" and one more domain, or hold three;
    a new body ("Sở Y tế, Công an tỉnh"), a post or a person after the comma is no part of it."""
    if n >= 4 and words[k].gap == ", " and _listed_domains(words, k):
        return True  # (round 11) "Ủy ban Văn hóa, Giáo dục, Thanh niên, | Thiếu niên và Nhi đồng"
    if n >= 2 and words[k].gap == ", " and _lower_domains(words, k):
        return True  # (round 16) "Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư"
    if n >= 2 and words[k].gap == ", " and _hospital_domains(words, k):
        return True  # (round 17) "Khoa Cấp cứu, | Chống độc, Bệnh viện Nhi Trung ương"
    if n < 2 or words[k].gap != ", " or not _domain_pair(words, k) or not _domain_pair(words, k - 2):
        return False
    if not any(w.low in _BODY_HEADS for w in words[max(0, k - 6):k - 2]) or words[k - 2].gap not in (" ", ", "):
        return False
    if words[k].text in _BODY_STARTS or _post_at(words, k)[0] or _starts_person(words, k) or _province_at(words, k):
        return False
    parts, j = 2, k + 2
    while j < len(words) and words[j].gap == ", " and _domain_pair(words, j) and words[j].text not in _BODY_STARTS:
        parts, j = parts + 1, j + 2
    if j + 1 < len(words) and words[j].low == "và" and words[j].gap == " " and _domain_pair(words, j + 1):
        return True
    back = k - 2  # the parts before: "Vụ Kế hoạch, Tài chính, | Tổng hợp"
    while back >= 2 and words[back].gap == ", " and _domain_pair(words, back - 2):
        parts, back = parts + 1, back - 2
    return parts >= 3


def _lower_domains(words: list[_Word], k: int) -> bool:
    """(Round 16) Whether a comma at word *k* joins two lower-case domains of a body's name, each a
    pair of :data:`_BODY_PAIRS`, in a list that "và" closes before the next comma ("đăng ký, | quản
    lý cư trú và dữ liệu …")."""
    if k < 2 or k + 1 >= len(words) or not words[k].text.islower() or words[k - 1].text.isupper():
        return False
    if (words[k - 2].low, words[k - 1].low) not in _BODY_PAIRS or (words[k].low, words[k + 1].low) not in _BODY_PAIRS:
        return False
    for j in range(k + 2, min(k + 6, len(words))):
        if words[j].gap != " " or not words[j].text.islower():
            return False
        if words[j].low == "và":
            return j + 2 < len(words) and (words[j + 1].low, words[j + 2].low) in _BODY_PAIRS
    return False


def _loose_domain(words: list[_Word], k: int) -> bool:
    """(Round 11) Whether words *k* and k+1 are a capital and a lower-case word that may name a
    domain in a list of them ("Thiếu niên", "Nhi đồng"): no verb, function word, person, post or place."""
    if k + 1 >= len(words) or not words[k].is_cap or words[k].text in _BODY_STARTS or words[k].text in _STARTERS:
        return False
    nxt = words[k + 1]
    return (
        nxt.gap == " " and nxt.text.islower() and (
            (nxt.low not in _STOP and nxt.low not in _VERBS)
            or wordlist.default().joins(exact(words[k].text), nxt.low, strict=True)  # "Nhi | đồng": one word
        ) and not _starts_person(words, k) and not _post_at(words, k)[0] and not _province_at(words, k)
    )


def _hospital_domains(words: list[_Word], k: int) -> bool:
    """(Round 17) Whether a comma at word *k* goes on with a department's second domain, a capital and
    its lower-case word right before a comma and the hospital: "Khoa Cấp cứu, | Chống độc, Bệnh viện X"."""
    if k < 3 or k + 4 >= len(words) or not _loose_domain(words, k) or words[k + 2].gap != ", ":
        return False
    if not any(w.low == "khoa" for w in words[max(0, k - 4):k - 1]):
        return False
    return (words[k + 2].text, words[k + 3].text) in (("Bệnh", "viện"), ("Học", "viện")) or words[k + 2].text == "BV"


def _three_syllables(words: list[_Word], j: int) -> bool:
    """(Round 17) Whether word *j* ends a listed domain of three syllables, one word with the one
    before it: "Thanh thiếu | niên" (youth) in "Ủy ban Văn hóa, Giáo dục, Thanh thiếu niên và Nhi đồng"."""
    return j < len(words) and words[j].gap == " " and words[j].text.islower() and words[j].low != "và" and (
        wordlist.default().joins(exact(words[j - 1].text), exact(words[j].text), strict=True)
    )


def _listed_domains(words: list[_Word], k: int) -> bool:
    """(Round 11) Whether a comma at word *k* goes on with a body's list of domains that two
    listed domains before it already opened ("Ủy ban Văn hóa, Giáo dục, Thanh niên, | Thiếu niên và
    Nhi đồng"): the domains after it, each a capital and its lower-case word, must close with "và"
    and one more."""
    if k < 5 or not (_domain_pair(words, k - 2) and _domain_pair(words, k - 4) and words[k - 2].gap == ", "):
        return False
    if not any(w.low in _BODY_HEADS for w in words[max(0, k - 8):k - 4]):
        return False
    j = k
    while j < len(words) and (j == k or words[j].gap == ", ") and _loose_domain(words, j):
        j += 2
        if _three_syllables(words, j):
            j += 1  # (round 17) "Thanh | thiếu niên": a domain of three syllables, its last two one word
    return (
        j > k and j + 1 < len(words) and words[j].low == "và" and words[j].gap == " " and _loose_domain(words, j + 1)
    )


# Words that name a road, a railway or a project (its last word), which the places it joins name
# either side of a dash: "tuyến Văn Cao - Hà Đông", "dự án cao tốc Mỹ Thuận - Hà Tiên".
_ROUTE_WORDS = {exact(w) for w in "tuyến án sắt tốc lộ thị".split()}


def _route_places(words: list[_Word], k: int) -> bool:
    """(Round 8) Whether a dash at word *k* joins the two places a route is named for, after a
    route's word: two capitalised words either side (a person's name is three words or more, or
    goes on after them)."""
    if k < 3 or not (words[k - 1].is_cap and words[k - 2].is_cap and words[k - 1].gap == " "):
        return False
    if words[k - 3].low not in _ROUTE_WORDS or not words[k].is_cap:
        return False
    end = k + 1
    while end < len(words) and end - k < 3 and words[end].gap == " " and words[end].is_cap:
        end += 1
    return end - k == 2 and not _post_at(words, k)[0]


def _place_then_province(words: list[_Word], k: int) -> bool:
    """(Round 20) Whether a dash at word *k* joins a place's two capitalised words, after a
    lower-case word of the body, to its province's name: "Khu kinh tế cửa khẩu Đồng Đăng - |
    Lạng Sơn", a body named for a border gate and its province."""
    return (
        k >= 3 and words[k - 1].is_cap and words[k - 2].is_cap and words[k - 1].gap == " "
        and words[k - 3].text.islower() and words[k - 2].gap == " " and _province_at(words, k) > 0
    )  # (two words, as "Đồng Đăng": a person's name is three or more, and Đồng is a surname too)


# Words a number counts: after them a number is a quantity, not a unit's number.
_COUNTED = {exact(w) for w in "năm tháng ngày giờ phút lần người xe tuổi km m ha tỷ tỉ triệu nghìn ngàn đồng vụ căn hộ".split()}


def _capitalised_place(words: list[_Word], k: int) -> int:
    """Length of a place's name of two or three capitalised words at *k* that is no person's, or 0."""
    if k >= len(words) or not words[k].is_cap or not _joined(words, k) or _starts_person(words, k, 2):
        return 0
    n = _name_run(words, k)
    return n if 2 <= n <= 3 else 0


def _ends_country(words: list[_Word], k: int) -> bool:
    """Whether the words before *k* end with a country's name ("Việt Nam", "Trung Quốc")."""
    return any(
        k - m >= 0 and (tuple(w.text for w in words[k - m:k]) in _COUNTRY_SEQS or tuple(w.text for w in words[k - m:k]) == ("Việt", "Nam"))
        for m in (1, 2, 3)
    )


def _country_at(words: list[_Word], k: int) -> int:
    """Length of the country's name that opens at word *k*, or 0."""
    for m in (3, 2, 1):
        if k + m <= len(words) and tuple(w.text for w in words[k:k + m]) in _COUNTRY_SEQS and all(
            _joined(words, k + j) for j in range(1, m)
        ):
            return m
    return 0


def _starts_person(words: list[_Word], i: int, min_len: int = 2) -> bool:
    """Whether a run of *min_len*+ capitalised words starting at *i* begins with a surname."""
    if words[i].text not in SURNAMES or i + min_len > len(words):
        return False
    if words[i].text == "Y" and _province_at(words, i + 1):
        return False  # "ĐH Y Hà Nội"
    return all(
        _joined(words, k) and words[k].is_cap and words[k].text not in _BODY_STARTS
        for k in range(i + 1, i + min_len)
    )


@dataclass
class _Mention:
    name: str
    titles: list[str]


def _parts(words: list[_Word], start: int, end: int) -> list[str]:
    """The parts of a name: words, with "Jae-in" kept whole."""
    out: list[str] = []
    for k in range(start, end):
        if k > start and (words[k].gap == "-" or _spaced_hyphen(words, k)):
            out[-1] += "-" + words[k].text  # "Hwang Kyo –Ahn" is one name, as "Hwang Kyo-Ahn" is
        else:
            out.append(words[k].text)
    return out


def _hyphenated(words: list[_Word], k: int) -> bool:
    """Whether word *k* goes on a foreign name after a hyphen: "Moon Jae-in", "Kim Jong-un"."""
    return (
        words[k].gap == "-" and words[k].text.isascii() and words[k].text.isalpha() and words[k - 1].is_cap
    ) or (
        # (round 16) a Lao or Khmer name written in Vietnamese syllables: "Pa-ny Ya-thò-tu", "Vo-la-chít"
        words[k].gap == "-" and words[k].text.isalpha() and words[k].text.islower() and len(words[k].text) <= 6
        and (words[k - 1].is_cap or (words[k - 1].gap == "-" and words[k - 1].text.islower()))
    ) or _spaced_hyphen(words, k)


_SPACED_HYPHEN = re.compile(r" ?[-–—] ?")


def _spaced_hyphen(words: list[_Word], k: int) -> bool:
    """(round 10) Whether word *k* ends a foreign name after a hyphen written with a space or as a
    dash: "Hwang Kyo –Ahn", "Hwang Kyo - Ahn". Two unaccented capitalised words must come before it
    (a Vietnamese name has accents: "Nguyễn Văn Nam - Giám đốc" stays apart), and it is one short
    syllable that no capitalised word follows."""
    gap = words[k].gap
    return (
        k >= 2 and gap != "-" and _SPACED_HYPHEN.fullmatch(gap) is not None
        and words[k].is_cap and words[k].text.isascii() and words[k].text.isalpha() and len(words[k].text) <= 4
        and all(words[j].is_cap and words[j].text.isascii() and words[j].text.isalpha() for j in (k - 1, k - 2))
        and words[k - 1].gap == " "
        and not (k + 1 < len(words) and words[k + 1].gap == " " and words[k + 1].is_cap)
    )


_DAY_PARTS = {"Sáng", "Trưa", "Chiều", "Tối", "Đêm"}  # a sentence's time of day: "Sáng 15/6", "Chiều nay"


def _name_run(words: list[_Word], i: int) -> int:
    """Length of the run of capitalised name-like words starting at *i*."""
    n = 0
    while i + n < len(words) and n < 8:
        if not (words[i + n].is_cap and (n == 0 or _joined(words, i + n)) or (n and _hyphenated(words, i + n))):
            if n >= 2 and (m := _name_particle(words, i, i + n)):
                n += m  # (round 8) "Marcelo Rebelo de Sousa", "Ursula von der Leyen": a foreign name's particle
                continue
            break
        if n >= 3 and _opens_word(words, i + n):
            break  # "ĐBQH Dương Trung Quốc | Chức năng của Cục ...": the next sentence, its full stop missing
        if n >= 3 and words[i + n].text in _DAY_PARTS and i + n + 1 < len(words) and words[i + n + 1].gap == " " and (
            words[i + n + 1].text.isdigit() or words[i + n + 1].low in ("nay", "qua", "mai")
        ):
            break  # (round 16) "Chủ tịch UBND Nguyễn Thành Phong | Sáng 15/6, …": a caption, then the day's time
        if n >= 1 and ((words[i + n].text in _STARTERS and not _last_given_name(words, i, n)) or _post_at(words, i + n)[0] >= 2 or (
            not words[i + n].text.isascii() and words[i].text.isascii() and _foreign_name(words[i].text)
            and not _foreign_letters(words[i + n].text)  # (round 14) "Recep Tayyip Erdoğan": a foreign letter goes on
            and not _accented_foreign(words[i + n].text)  # (round 18) "Bruno Rodríguez": so does a Spanish accent
            and words[i].text not in _STATE_BRAND_WORDS and words[i].text != "Vietnam"  # "Vietnam Airlines | Nguyễn"
        )) and not _last_before_post(words, i, n):  # "Putin Việc ...": a foreign name does not go on in Vietnamese
            break  # "Tổng Bí thư Nguyễn Phú Trọng Về thăm", "Trần Ông Nguyễn Minh Nhựt"
        n += 1
    return n


_VN_LETTERS = set("abcdefghijklmnopqrstuvwxyzđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def _foreign_letters(word: str) -> bool:
    """(Round 14) Whether *word* has a letter no Vietnamese word has: "Erdoğan", "Søren", "Müller"."""
    return any(c.isalpha() and c not in _VN_LETTERS for c in word.lower())


def _last_given_name(words: list[_Word], i: int, n: int) -> bool:
    """(Round 14) Whether a word that also opens sentences ("Tuy" of "Tuy nhiên") is the given name
    ending a Vietnamese name at *i* + *n*: after a surname and a middle name, with a comma or a
    full stop after it ("ông Nguyễn Đức Tuy, Phó chủ tịch …"), not a word that goes on."""
    k = i + n
    return n == 2 and words[i].text in SURNAMES and words[k].text not in ("Ông", "Bà", "Theo", "Trong", "Tại", "Với") and (
        k + 1 >= len(words) or words[k + 1].gap.strip() in (",", ".", "-", "–", "(")
    )


# Lower-case particles inside foreign names: "Marcelo Rebelo de Sousa", "Ursula von der Leyen".
_NAME_PARTICLES = {"de", "da", "do", "dos", "das", "van", "von", "der", "del", "della", "di", "du", "bin", "binti"}


def _name_particle(words: list[_Word], i: int, k: int) -> int:
    """(Round 8) How many words from *k*, after a foreign name's capitals from *i*, are a particle
    and the capital the name goes on with ("de Sousa": 2, "von der Leyen": 3), or 0."""
    if k + 1 < len(words) and words[k].text in ("al", "el") and words[k].gap == " " and words[k + 1].gap == "-" and (
        words[k + 1].is_cap and words[k - 1].text.isascii() and _foreign_name(words[k - 1].text)
    ):
        return 2  # "Ahmed bin Jassim | al-Thani"
    if k + 1 >= len(words) or words[k].text not in _NAME_PARTICLES or words[k].gap != " " or words[k + 1].gap != " ":
        return 0
    m = 1
    if words[k + 1].text in _NAME_PARTICLES and k + 2 < len(words) and words[k + 2].gap == " ":
        m = 2  # "von der Leyen"
    nxt = words[k + m]
    ok = (
        nxt.is_cap and nxt.text.isascii() and words[k - 1].text.isascii() and _foreign_name(words[k - 1].text)
    )  # (the run may open with the country: "Bồ Đào Nha Marcelo Rebelo | de Sousa")
    return m + 1 if ok else 0


def _opens_word(words: list[_Word], k: int) -> bool:
    """Whether capitalised word *k* and the lower-case word after it are one listed word
    ("Chức năng", "Tội phạm"): a sentence's first word, not a name's or a place's last."""
    return (
        k + 1 < len(words) and words[k + 1].gap == " " and words[k + 1].text.islower()
        and wordlist.default().joins(words[k].low, words[k + 1].low, strict=True)
    )


def _last_before_post(words: list[_Word], i: int, n: int) -> bool:
    """Whether word i+n, though it often opens a sentence ("Em", "Mới"), ends a name of three
    words or more that a comma and a post follow: "Ông Nguyễn Văn Cường Em, Phó trưởng Công an xã"."""
    k = i + n
    return (
        n >= 3 and (words[i].text in SURNAMES or words[i + 1].text in SURNAMES)  # "Ông Nguyễn ..."
        and words[k].text not in _BODY_STARTS and k + 1 < len(words)
        and words[k + 1].gap == ", " and bool(_post_at(words, k + 1)[0])
    )


# Capitalised words that open a sentence or a headline's next phrase, never end a name or a title.
_STARTERS = set(
    """Theo Trong Tại Với Các Những Ngày Chiều Tối Trưa Đêm Tháng Về Qua Cho Khi Sau Trước Đây
    Đó Hiện Nay Tuy Nhưng Còn Để Do Vì Nếu Cũng Đã Sẽ Đang Ông Bà Và Là Không Được Bị Cùng Trao
    Tặng Gặp Nói Yêu Bí Bên Phòng Lần Hãng Em Reuters Ảnh Khoảng Đúng Chủ Ngoài Trả Mới Bất Ngay Dù Rồi Lúc Hôm Tiếp Khẳng Nhấn Chia Đề Phát Chuyến Mặc Nhiều
    Tội""".split()
)


_NOT_PLACE_PAIRS = {("nông", "thôn"), ("nhà", "trường"), ("môi", "trường"), ("thị", "trường"), ("thị", "xã")}


# Bodies whose own names are often people's or places' names.
_NAMED_BODIES = {"viện", "báo", "đài", "tờ", "chuyên"}  # "Trường THPT chuyên Phan Bội Châu"
_NAMED_BODY_PAIRS = {("công", "ty"), ("tập", "đoàn"), ("ngân", "hàng"), ("bến", "xe"), ("khu", "lưu"), ("tạp", "chí"),
                     ("tiểu", "học"), ("trung", "học"), ("mầm", "non"), ("phổ", "thông"), ("cơ", "sở"),
                     ("đại", "học"), ("học", "viện"), ("cao", "đẳng")}  # "Trường ĐH Nguyễn Tất Thành"


# (round 7) Bodies named for the place they keep, whose name may start with a surname
# ("Khu du lịch Hồ Núi Cốc"): the run after them is the place's name, not a person's.
_PLACE_BODIES = {tuple(exact(w) for w in p.split()) for p in (
    "khu du lịch", "khu nghỉ mát", "khu bảo tồn", "khu di tích", "khu sinh thái", "khu danh thắng", "vườn quốc gia",
    "khu nghỉ dưỡng", "điểm du lịch",
)}


def _place_body_before(words: list[_Word], i: int) -> bool:
    """Whether the three words before *i* name a body kept for a place (:data:`_PLACE_BODIES`)."""
    return i >= 3 and tuple(w.low for w in words[i - 3:i]) in _PLACE_BODIES and all(
        w.gap == " " for w in words[i - 2:i + 1]
    )


_GRASSROOTS = (exact("cơ"), exact("sở"))
_GRASSROOTS_OF = {exact(w) for w in "hóa hoá tế".split()}  # "Văn hóa cơ sở", "Y tế cơ sở": the grassroots' culture, health


def _named_body_before(words: list[_Word], i: int) -> bool:
    """Whether word i-1 ends the name of a body often named after a person ("Tiểu học", "Viện")."""
    if i == 0 or not _joined(words, i):
        return False
    before = words[i - 1].low
    if i >= 3 and (words[i - 2].low, before) == _GRASSROOTS and words[i - 3].low in _GRASSROOTS_OF:
        return False  # (round 16) "Cục Văn hóa cơ sở | Ninh Thị Thu Hương": grassroots culture, no campus's name
    return before in _NAMED_BODIES or (i >= 2 and (words[i - 2].low, before) in _NAMED_BODY_PAIRS) or (
        words[i - 1].text in ("THCS", "THPT", "PTTH", "PTCS", "ĐH", "CĐ")
    ) or _place_body_before(words, i)


_INSTITUTIONS = {exact(w) for w in "viện bv trường học".split()}  # "Bệnh viện", "BV", "Trường", "Đại học", "Học viện"


def _named_institution(words: list[_Word], i: int, start: int, end: int) -> bool:
    """(Round 11) Whether the name run *start*..*end* after a post at *i* names the hospital or
    school the post's body is ("Giám đốc Bệnh viện Y học cổ truyền | Phạm Ngọc Thạch, tỉnh Lâm Đồng"):
    a hospital or a school in the title, and right after the run a comma and the province or city
    it is in (a person after a title goes on with a verb or a post, not with a place)."""
    if end + 1 >= len(words) or words[end].gap != ", " or words[end].low not in ("tỉnh", "tp", "thành"):
        return False
    if words[end].low == "thành" and words[end + 1].low != "phố":
        return False
    return any(w.low in _INSTITUTIONS or w.text == "BV" for w in words[i:start])


def _place_word_before(words: list[_Word], i: int) -> bool:
    """Whether word i-1 says a place's name follows ("phường", "huyện"), not a person's.

    "tỉnh" is left out: "Phó Chủ tịch UBND tỉnh Đoàn Thu Hà" is common.
    """
    if i == 0 or not _joined(words, i):
        return False
    before = words[i - 1].low
    if before == "báo" and i >= 2 and words[i - 2].low == "nhà":
        return False  # "nhà báo Trần Văn A": a journalist, not a newspaper
    if before in _NAMED_BODIES or (i >= 2 and (words[i - 2].low, before) in _NAMED_BODY_PAIRS) or (
        words[i - 1].text in ("THCS", "THPT", "PTTH", "PTCS", "ĐH", "CĐ")
    ):
        return True  # "Bệnh viện Bạch Mai", "Viện Phan Châu Trinh", "Báo Tiền Phong"
    if before not in _PLACE_WORDS or before == "tỉnh":
        return False
    if _unnamed_city(words, i):
        return False  # (round 19) "Chủ tịch UBND Thành phố | Nguyễn Đức Chung"
    return not (i >= 2 and (words[i - 2].low, before) in _NOT_PLACE_PAIRS)


_COMMITTEES = {exact(w) for w in ("ubnd", "hđnd", "ub", "dân")}  # ("Ủy ban nhân dân", "Hội đồng nhân dân")


def _unnamed_city(words: list[_Word], i: int) -> bool:
    """(Round 19) Whether the run at word *i* is a person's name after a city's committee that leaves the
    city unnamed ("Chủ tịch UBND Thành phố Nguyễn Đức Chung", as "UBND tỉnh X"): the run reads only as a
    name (a surname no place starts with, or a surname then "Văn", "Thị"), not a province ("thành phố Hồ
    Chí Minh")."""
    if not (i >= 3 and words[i - 1].low == "phố" and words[i - 2].low == "thành" and words[i - 3].low in _COMMITTEES):
        return False
    if _province_at(words, i) or tuple(w.text for w in words[i:i + 3]) in _PROVINCE_SEQ_SET:
        return False
    return words[i].text in _NEVER_IN_PLACES or (
        words[i].text in SURNAMES and i + 1 < len(words) and words[i + 1].text in ("Văn", "Thị") and _joined(words, i + 1)
    )


def _split_place(run: list[str], after_place_word: bool, after_body: bool = False) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (place, name); the name may be empty.

    :param after_body: the run follows a body named after people ("Trường Tiểu học", "Viện"):
        its first two words are the body's name even when they read as one
        ("Trường Tiểu học Hoàng Văn Thụ").
    """
    for seq in _PROVINCE_SEQS:
        if tuple(run[: len(seq)]) == seq and (len(seq) > 1 or len(run) >= 3 or _foreign_name(run[-1])):
            return run[: len(seq)], run[len(seq):]  # "Tổng thống Pháp Macron": a country, a surname
    if len(run) > 4 and run[0] in _NEVER_IN_PLACES and not after_place_word and not after_body:
        # "ĐBQH Đặng Hoài Tân | Văn Kiên": no place starts with "Đặng"; the name's end runs into
        # the next sentence's first words (a byline, a missing full stop)
        return [], run[:4] if run[1] == "Thị" else run[:3]
    if len(run) in (3, 4) and run[1] == "Thị" and not after_place_word:
        return [], run  # "Đại biểu Văn Thị Bạch Tuyết": "Thị" is a woman's middle name, never a place's
    # After "huyện", "phường"... the run starts with the place's own name (2+ syllables).
    first = 2 if after_place_word else 0
    if exact(run[0]) in _PLACE_WORDS and len(run) > 2:
        first = max(first, 3)  # "Trạm y tế Phường Viên Sơn", "Làng Đồng Kỵ"
    if run[0] in ("Viện", "Báo", "Đài", "Trường", "Bệnh", "Học"):
        first = 3 if run[0] != "Bệnh" else 4  # "Viện Phan Châu Trinh", "Bệnh viện Bạch Mai"
    starts = [
        i for i, w in enumerate(run)
        if (i >= first or (not after_body and i + 1 < len(run) and run[i + 1] in ("Văn", "Thị")))  # "huyện Lục Văn Tình"
        and w in SURNAMES and 2 <= len(run) - i <= 4
    ]
    if starts:
        # "Vân Hồ Lường Văn Huân": Hồ is a surname too, but Lường Văn Huân reads as a name
        best = next((k for k in starts if k + 1 < len(run) and run[k + 1] in ("Văn", "Thị")), None)
        if best is None:  # a place has two syllables or more: "Mộc Châu | Hà Trung Chiến"
            best = next((k for k in starts if k >= 2), starts[0]) if starts[0] == 1 else starts[0]
            if best == 2 and starts[0] == 1 and run[1] in _NEVER_IN_PLACES and len(run) - 1 <= 4:
                best = 1  # "Bộ Công Thương | Nguyễn Hoàng Long": no place ends in "Nguyễn"
        if best >= 3 and len(run) - best == 2 and not after_place_word and not after_body and not any(
            exact(w) in _BODY_WORDS for w in run[:best]
        ):
            return run, []  # (round 12) "chủ tịch Cay Xỏn Phôm Vi Hản": a Lao name of five syllables, not a place
            # of three (no place word before it, no province) and a name of two
        return run[:best], run[best:]
    if after_place_word:
        if len(run) >= 3 and _foreign_name(" ".join(run[1:])):
            return run[:1], run[1:]  # "bang Hessen | Boris Rhein", "bang California | Jerry Brown"
        return run, []
    if len(run) > 4:
        return run[:-3], run[-3:]
    return [], run


# What may stand between a name and its first title: "X, Phó Chủ tịch", "X - Phó Chủ tịch",
# "X (Phó Chủ tịch ...)"; later titles follow a comma.
_APPOSITION = {",", "-", "–", "—", "(", "-(", ", (", "- (", "– (", ":"}
_LEVELS = {exact(w) for w in "tỉnh huyện quận xã phường thị trấn tp thành phố tx".split()}


def _titles_after(text: str, words: list[_Word], i: int) -> list[str]:
    """Titles right after word i-1: ", Title, Title", " - Title", " (Title, Title)"."""
    return _titles_span(text, words, i)[0]


# (Round 17) A bracket's lead that gives its post to every name of the list before it.
_SHARED_LEADS = ("đều là", "cùng là", "đều đang là", "đều làm", "đều giữ chức")


def _shared_bracket(words: list[_Word], i: int) -> bool:
    """(Round 17) Whether a bracket at *i* opens with "đều là", "cùng là" …: its post is every listed name's."""
    return i < len(words) and words[i].gap.strip() == "(" and any(
        tuple(w.low for w in words[i:i + len(p.split())]) == tuple(p.split()) for p in _SHARED_LEADS
    )


def _listed_before(words: list[_Word], bare: list[tuple[int, int, str]], start: int) -> list[str]:
    """(Round 17) The names of *bare* (start, end, name: runs with no title, in order) that make one
    list with the name at *start*: "ông A, B và ông C (đều là …)" gives A and B for C."""
    out: list[str] = []
    for b_start, b_end, name in reversed(bare):
        k = b_end
        if k < len(words) and words[k].gap == " " and words[k].low == "và":
            k += 1
        elif not (k < len(words) and words[k].gap == ", "):
            break
        if k < len(words) and words[k].low in ("ông", "bà") and words[k].gap in (" ", ", "):
            k += 1
        if k != start:
            break
        out.insert(0, name)
        start = b_start - (1 if b_start and words[b_start - 1].low in ("ông", "bà") else 0)
    return out


# What a bracket after a name may open with before the post: "ông X (lúc đó là Bí thư Thành ủy)".
_BRACKET_LEADS = [tuple(p.split()) for p in ("lúc đó là", "khi đó là", "lúc ấy là", "khi ấy là", "hiện là", "nay là", "là",
                                              # (round 16) "ông X (đang làm Phó chủ tịch UBND xã)", "(khi đó làm …)"
                                              "đang là", "đang làm", "khi đó làm", "lúc đó làm", "hiện đang là", "hiện làm",
                                              # (round 17) "ông A và B (đều là Phó giám đốc bệnh viện)": one post, several
                                              *_SHARED_LEADS)]


def _glued_post(words: list[_Word], i: int) -> bool:
    """(Round 16) Whether a post and its body ("Ủy viên Trung ương Đảng", not a bare "Chủ tịch" nor a
    rank) open at word *i*, right after a name with no comma between."""
    if i >= len(words) or words[i].gap != " ":
        return False
    n, is_rank = _post_at(words, i)
    return n >= 2 and not is_rank and _body_tail(words, i + n) > 0


def _titles_span(text: str, words: list[_Word], i: int, glued: bool = False) -> tuple[list[str], int]:
    """:func:`_titles_after`, and the word after the last title; *glued*: the first title may
    follow the name with no comma (round 16: "Đồng chí X Ủy viên Trung ương Đảng, …")."""
    titles = []
    if glued and i < len(words) and words[i].gap == " ":
        titles_first = True
    elif i < len(words) and words[i].gap.strip() == "(":
        lead = next((len(p) for p in _BRACKET_LEADS if tuple(w.low for w in words[i:i + len(p)]) == p), 0)
        if lead and i + lead < len(words) and words[i + lead].gap == " " and _post_at(words, i + lead)[0]:
            i += lead  # "(lúc đó là Bí thư Thành ủy)": the bracket's post, after its lead words
            titles_first = True
        else:
            titles_first = False
    else:
        titles_first = False
    if (age := _age_at(words, i) or _aside_at(words, i) or _degrees_at(words, i)) and i + age < len(words) and words[i + age].gap.strip() in (
        ",", "),", ") -", ") –", ")-"
    ):
        # "ông X (SN 1965), Chủ tịch …", "ông X, 52 tuổi, Chủ tịch …", "ông X (em trai bà Y), Giám
        # đốc Sở …": the age or the aside, then the titles
        i += age
        titles_first = True
    if (
        i + 1 < len(words) and words[i].gap == ", " and words[i].low == "người"
        and (former := _titles_after_la(text, words, i + 1))
    ):
        return former, i + 1 + sum(len(_words(t)) for t in former)  # "X, người từng giữ chức Chủ tịch UBND …"
    if not titles_first and (kin := _kin_aside(words, i)):
        i += kin  # (round 19) "bà X, chị ông Quý, | khi đó là Chủ tịch UBND tỉnh Y": a kinship, then her post at the time
    if not titles_first and (lead := _apposition_lead(words, i)):
        # (round 8) "Chủ nhiệm Văn phòng Chính phủ X - cũng là Chánh Văn phòng Ban Cán sự …": the
        # second post after its lead words
        i += lead
        titles_first = True
    dashes = i < len(words) and words[i].gap.strip() in ("-", "–")  # "X - Ủy viên Bộ Chính trị - Bí thư …"
    while i < len(words) and (
        words[i].gap.strip() == "," or titles_first or (not titles and words[i].gap.strip() in _APPOSITION)
        or (titles and words[i].gap == "), " and words[i - 1].text.isdigit())  # "khóa IX (2016-2021), ủy viên …"
        or (dashes and titles and words[i].gap in (" - ", " – "))
        or (titles and words[i].gap in (" - ", " – ") and is_post(titles[-1]) and _post_at(words, i)[0])
        # (round 13) "X, Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ": a bare post, a dash, a second post
    ):
        titles_first = False
        if titles and words[i].gap.strip() == "," and words[i].low in ("ông", "bà"):
            break
        if titles and (lead := _apposition_lead(words, i)):
            i += lead  # (round 8) "…, Giám đốc Sở Y tế, đồng thời là Trưởng ban Chỉ đạo …"
        n, is_rank = _post_at(words, i)
        if not n:
            break
        if is_rank and i + n < len(words) and _joined(words, i + n) and _starts_person(words, i + n, 2):
            break  # "X, trung tá Lê Tú": the next person's rank
        if not is_rank:  # a rank has no body: "X - Đại tướng | nông dân" (a book's title)
            n += _body_tail(words, i + n, stop_at_person=False)
            n += _place_after(words, i, i + n)
            n += _parent_body(words, i + n)
            n += _parent_after_comma(words, i + n)
        if _names_someone(words, i, i + n) or (
            i + n < len(words) and _joined(words, i + n) and _starts_person(words, i + n, 3)
        ) or (
            i + n + 1 < len(words) and _joined(words, i + n) and words[i + n].is_cap and words[i + n].text.isascii()
            and _foreign_name(words[i + n].text) and not _COUNTRY_IN.fullmatch(words[i + n].text)
            and words[i + n + 1].text[:1].isupper() and words[i + n + 1].gap == " "
        ) or (
            i + n + 1 < len(words) and _ends_country(words, i + n) and _joined(words, i + n) and words[i + n].is_cap
            and _joined(words, i + n + 1) and words[i + n + 1].is_cap and not _country_at(words, i + n)
        ):  # ("A, Chủ tịch Ủy ban Quân lực Thượng viện John McCain": a foreign name after the title; (round 14)
            # "A, Chủ tịch Trung Quốc Tập Cận Bình": a country's post, then a name the surnames do not know)
            break  # "A, Thủ tướng Pakistan Nawaz Sharif", "A, Phó Chủ tịch nước Đặng Thị B": the next one's post
        if _parent_then_person(words, i + n):
            break  # (round 9) "A, Phó Vụ trưởng Vụ Hợp tác quốc tế, Bộ Tư pháp Lê Thị B": B's post, not A's
        titles.append(text[words[i].start:words[i + _uncut(words, i, i + n) - 1].end])
        i += n
        if i + 1 < len(words) and words[i].gap.strip() == "(" and words[i].text.isdigit():
            k = i + 1  # a term's years after the title, "(2016-2021)": skipped, the titles go on after it
            while k < len(words) and words[k].text.isdigit() and ")" not in words[k].gap and k - i < 3:
                k += 1
            if k < len(words) and words[k].gap == "), ":
                i = k
        if i + 1 < len(words) and words[i].low == "kiêm" and words[i].gap == " " and _post_at(words, i + 1)[0]:
            i += 1  # "Giám đốc Sở Y tế kiêm Trưởng ban Chỉ đạo …": a second post
            titles_first = True
        elif (k := i + (0 if words[i - 1].low == "và" else 1)) < len(words) and words[k - 1].low == "và" and (
            lead := _now_lead(words, k)
        ):  # (round 19) "X - khi đó là Chủ tịch UBND tỉnh Y | và hiện nay là | Bí thư Tỉnh ủy Y": the post now
            if k == i:
                titles[-1] = titles[-1][:-len(" và")] if titles[-1].endswith(" và") else titles[-1]
            i = k + lead
            titles_first = True
    if titles and i < len(words) and words[i].low == "là" and (more := _titles_after_la(text, words, i)):
        titles += more  # "ông X, Phó Chánh thanh tra TP là Trưởng đoàn"
        i += 1 + sum(len(_words(t)) for t in more)
    elif titles and i < len(words) and words[i].gap == ") " and words[i].low in ("là", "làm") and (
        more := _titles_after_la(text, words, i, gap=") ")
    ):  # (round 19) "Thượng tướng X (Thứ trưởng Bộ Công an) làm Trưởng ban; Trung tướng Y (…) là Phó Trưởng Ban"
        titles += more
        i += 1 + sum(len(_words(t)) for t in more)
    return titles, i


_STATE_PARENTS = {"Bộ", "Sở", "Tổng", "Cục", "UBND", "Ủy", "Uỷ"}


def _parent_then_person(words: list[_Word], k: int) -> int:
    """(Round 9) How many words from a comma at word *k*, after a title, name the parent body of a
    post that a person's name follows right after ("…, Phó Vụ trưởng Vụ Hợp tác quốc tế, | Bộ Tư
    pháp | Lê Thị B"), or 0: in a list of posts each before its holder, the title is that person's."""
    if k >= len(words) or words[k].gap != ", " or words[k].text not in _STATE_PARENTS:
        return 0  # (a school or a hospital may be named after someone: "Đại học Y khoa Phạm Ngọc Thạch")
    if not any(w.low in ("vụ", "cục", "phòng", "ban", "khoa", "đội", "trạm") for w in words[max(0, k - 10):k]):
        return 0  # only a unit has a parent ("Giám đốc Sở Y tế, Sở Tài chính": a list of bodies)
    m = 1 + _body_tail(words, k + 1)
    for j in range(k + 2, k + m):  # a surname that is also a body's word: "Bộ Ngoại giao | Đoàn Văn V"
        if words[j].is_cap and j + 1 < len(words) and words[j + 1].text in ("Văn", "Thị") and _starts_person(words, j, 3):
            return j - k
        if words[j].text in SURNAMES and k + m - j in (3, 4) and _starts_person(words, j, 3) and all(
            words[x].is_cap and words[x].gap == " " for x in range(j, k + m)
        ):  # "Bộ Ngoại giao | Đoàn Khắc V.": the body swallowed a whole name of three or four capitals at its end
            return j - k
    return m if k + m < len(words) and _joined(words, k + m) and _starts_person(words, k + m, 3) else 0


_APPOSITION_LEADS = [tuple(exact(w) for w in p.split()) for p in (
    "đồng thời là", "cũng là", "đồng thời",
    # (round 19) a former post, or the present one, said after the name: "bà X, khi còn Chủ tịch UBND tỉnh Y,
    # ký …", "bà X - khi đó là Chủ tịch UBND tỉnh Y và hiện nay là Bí thư Tỉnh ủy Y - đã ký"
    "khi đó là", "lúc đó là", "khi ấy là", "lúc ấy là", "khi còn là", "lúc còn là", "khi còn", "lúc còn",
    "lúc bấy giờ là", "khi bấy giờ là", "hiện nay là", "hiện là", "nay là",
)]
_BOARD_HEAD = re.compile(r"\b(?:ban|đoàn|hội đồng)\b")  # (not a patrol's "tổ trưởng")
_NOW_LEADS = [tuple(exact(w) for w in p.split()) for p in ("hiện nay là", "hiện là", "nay là", "hiện đang là")]


def _now_lead(words: list[_Word], k: int) -> int:
    """(Round 19) Length of "hiện nay là", "nay là" … at *k* when a post follows it, or 0."""
    for lead in _NOW_LEADS:
        n = len(lead)
        if tuple(w.low for w in words[k:k + n]) == lead and all(w.gap == " " for w in words[k:k + n + 1]) and (
            k + n < len(words) and _post_at(words, k + n)[0]
        ):
            return n
    return 0


_KIN = {tuple(exact(w) for w in p.split()) for p in (
    "chị", "em", "em trai", "em gái", "anh", "anh trai", "vợ", "chồng", "con", "con trai", "con gái", "bố", "mẹ", "cha", "cháu"
)}
_KIN_LONGEST_FIRST = sorted(_KIN, key=len, reverse=True)
_KIN_FIRST = {p[0] for p in _KIN}


def _kin_aside(words: list[_Word], i: int) -> int:
    """(Round 19) Length of a kinship set off by commas after a name ("bà X, chị ông Quý, …") when a
    post held at the time follows it with its lead words ("khi đó là", "khi còn", "lúc đó là"), or 0:
    the post is the name's, not the kin's."""
    if i >= len(words) or words[i].gap != ", ":
        return 0
    if words[i].low not in _KIN_FIRST:
        return 0
    n = next((len(p) for p in _KIN_LONGEST_FIRST if tuple(w.low for w in words[i:i + len(p)]) == p), 0)
    if not n:
        return 0
    k = i + n
    if k < len(words) and words[k].low in ("ông", "bà", "anh", "chị") and words[k].gap == " ":
        k += 1
    run = _name_run(words, k) if k < len(words) and words[k].is_cap and words[k].gap == " " else 0
    if not run:
        return 0
    k += run
    return k - i if _apposition_lead(words, k) and words[k].gap == ", " and (
        words[k].low in ("khi", "lúc")  # (a post then, not one held now: "ông X, em trai bà Y, hiện là Tổng
    ) else 0  # giám đốc Điện Quang" heads a private firm the lists do not know)


def _apposition_lead(words: list[_Word], i: int) -> int:
    """(Round 8) How many words at *i*, after a comma or a dash, lead to a post ("cũng là",
    "đồng thời là" then a post), or 0."""
    if i >= len(words) or words[i].gap.strip() not in (",", "-", "–"):
        return 0
    lead = next((len(p) for p in _APPOSITION_LEADS if tuple(w.low for w in words[i:i + len(p)]) == p), 0)
    return lead if lead and i + lead < len(words) and words[i + lead].gap == " " and _post_at(words, i + lead)[0] else 0


def _degrees_at(words: list[_Word], i: int) -> int:
    """(Round 12) Length of a person's degrees set off by commas right after a name ("ông X, PGS.TS,
    Phó Hiệu trưởng …", "bà Y, Tiến sĩ, Giám đốc …"), when a comma follows them, or 0."""
    if i >= len(words) or words[i].gap != ", " or words[i].low not in _DEGREES:
        return 0
    k = i + 1
    while k < len(words) and k - i < 4 and words[k].gap in (".", ". ", " ") and words[k].low in _DEGREES:
        k += 1
    return k - i if k < len(words) and words[k].gap == ", " else 0


def _aside_at(words: list[_Word], i: int) -> int:
    """Length of a bracket right after a name that holds no post of the person's (an aside:
    "(em trai bà Y, Bí thư Tỉnh ủy)", "(quê Nghệ An)"), up to its closing bracket, or 0; at
    most 14 words."""
    if i < len(words) and words[i].gap.strip() == "(" and (m := _province_at(words, i)) and i + m < len(words) and (
        words[i + m].gap.startswith(")")
    ):
        return m  # (round 17) "Đại biểu X (Quảng Ninh), Phó Chủ nhiệm …": a deputy's province, then the posts
    if i >= len(words) or words[i].gap.strip() != "(" or _post_at(words, i)[0] or not words[i].text.islower():
        return 0  # (an aside opens in lower case; "(NSND Trọng Trinh)" is an actor playing the part)
    for k in range(i + 1, min(i + 15, len(words))):
        if "(" in words[k].gap:
            return 0
        if ")" in words[k].gap:
            return k - i
    return 0


def _age_at(words: list[_Word], i: int) -> int:
    """Length of an age or a year of birth right after a name, in brackets or after a comma
    ("(SN 1965", "(sinh năm 1965", ", 52 tuổi"), or 0."""
    if i + 1 >= len(words) or words[i].gap.strip() not in ("(", ","):
        return 0
    low = [w.low for w in words[i:i + 3]]
    if low[0] == "sn" and words[i + 1].text.isdigit():
        return 2
    if low[:2] == ["sinh", "năm"] and i + 2 < len(words) and words[i + 2].text.isdigit():
        return 3
    if words[i].text.isdigit() and low[1] == "tuổi":
        return 2
    return 0


# Capitalised heads of the body a unit belongs to, after a comma: "Trưởng phòng Nghiệp vụ du
# lịch, Sở VH-TT&DL tỉnh Lâm Đồng", "Phó Trưởng phòng Đào tạo, ĐH Y Hà Nội".
_COMMA_PARENTS = {"Sở", "Bộ", "Cục", "ĐH", "BV", "Viện", "UBND", "HĐND", "Trường", "BHXH", "TAND"}
_COMMA_PARENT_PAIRS = {("Văn", "phòng"), ("Công", "an"), ("Đại", "học"), ("Bệnh", "viện"), ("Học", "viện"),
                       ("Tổng", "cục"), ("Chi", "cục"), ("Ủy", "ban"), ("Uỷ", "ban"), ("Ngân", "hàng"),
                       ("Công", "ty"), ("Tổng", "công"),  # (round 13: "Trưởng phòng X, Công ty Điện lực Y")
                       ("Bảo", "hiểm"),  # (round 14: "Trưởng ban X, Bảo hiểm xã hội Việt Nam")
                       ("Trung", "tâm")}  # (round 18: "Trưởng khoa Dược, Trung tâm y tế huyện X")


_TOA = exact("tòa")  # (round 18) "Chánh tòa Hình sự, | TAND tỉnh Bắc Ninh": a court's division, then its court


def _parent_after_comma(words: list[_Word], end: int) -> int:
    """How many words after a title, past a comma, name the body its unit belongs to (a
    unit's post: "Trưởng phòng", "Phó trưởng khoa"), or 0."""
    if end >= len(words) or words[end].gap != ", " or end < 2 or _post_at(words, end)[0]:
        return 0
    first, nxt = words[end].text, (words[end + 1].text if end + 1 < len(words) else "")
    team = first == "Phòng" and any(w.low == "đội" for w in words[max(0, end - 8):end])  # "Đội X, Phòng Y"
    school = first == "trường" and (nxt in _SCHOOLS or nxt in ("ĐH", "CĐ", "Đại", "Cao"))  # (round 8) "…, trường ĐH X"
    subject = words[end].low == "khoa" and nxt[:1].isupper() and any(
        (w.low, x.low) == ("bộ", "môn") for w, x in zip(words[max(0, end - 12):end], words[max(1, end - 11):end])
    )  # (round 14) "Chủ nhiệm bộ môn X, | khoa Y, Bệnh viện Z": a subject's faculty, then its hospital
    if first not in _COMMA_PARENTS and (first, nxt) not in _COMMA_PARENT_PAIRS and not team and not school and not subject:
        return 0
    if not any(w.low in ("phòng", "khoa", "đội", "ban", "trung", "trạm", "môn", _TOA) or (
        w.low == "vị" and x.low == "đơn"  # (round 17) "Trưởng đơn vị Mắt, | Bệnh viện Nhi đồng 1": a hospital's unit
    ) for x, w in zip(words[max(0, end - 13):end - 1], words[max(1, end - 12):end])) and not (
        # (round 8: a department's long name, "khoa Hồi sức tích cực - Chống độc người lớn, Bệnh viện …")
        (words[end - 2].low, words[end - 1].low) == ("thanh", "tra") and first == "Sở"
    ):
        return 0  # only a unit has a parent body ("Giám đốc Sở Y tế, Sở ..." is a list); round 7: a department's
        # inspectorate ("Chánh Thanh tra, Sở Nội vụ")
    n = 1 + _body_tail(words, end + 1, stop_at_person=False)
    if n == 1 and (first, nxt) in _COMMA_PARENT_PAIRS:
        n = 2 + _body_tail(words, end + 2, stop_at_person=False)  # (round 13) "…, Công ty | Điện lực Nghệ An"
    if first in ("UBND", "HĐND") and n == 2 and words[end + 1].low in _LEVELS and any(
        w.low == words[end + 1].low for w in words[max(0, end - 6):end]
    ) and not _place_after(words, end, end + n):
        return 0  # (round 10) "Trưởng phòng Kinh tế huyện X, | UBND huyện đã chi …": the next clause's subject
    n += _place_after(words, end, end + n)
    if subject:
        n += _parent_after_comma(words, end + n)  # (round 14) the faculty's own parent: "…, Bệnh viện Quân y 103"
    return n


_CONTINENTS = {"Âu", "Á", "Phi", "Mỹ", "Úc", "Đại"}


def _inside_word(words: list[_Word], k: int) -> bool:
    """Whether capitalised word *k* ends a listed word begun by the capitalised word before it
    ("Quốc Phòng"), so belongs to a body's name, not to a person's."""
    return 0 < k < len(words) and words[k - 1].is_cap and words[k].is_cap and words[k].gap == " " and wordlist.default().joins(
        exact(words[k - 1].text), exact(words[k].text), strict=True
    )


def _uncut(words: list[_Word], i: int, end: int) -> int:
    """Where a title from *i* to *end* ends if it must not end inside a word: "Bộ Quốc" of
    "Bộ Quốc Phòng", "tỉnh Khuyến" of "tỉnh Khuyến cáo" (the title's last syllable and the next
    one form a listed word) lose that syllable; the title then ends before the body's level
    word or head it was left with (a title ends where its organisation ends)."""
    if end < len(words) and words[end].gap == "-" and words[end].is_cap and words[end - 1].is_cap:
        return end - i + 1  # "Bệnh viện Việt-Tiệp": the name goes on across the hyphen
    if end >= len(words) or end - i < 2 or words[end].gap != " ":
        return end - i
    if not words[end - 1].is_cap:
        return end - i  # a lower-case word a body's name goes on with is read by _body_tail
    if words[end - 2].is_cap and words[end - 2].text not in _BODY_STARTS:
        return end - i  # "phường Kim Liên | thông tin": the capital ends a name of two words
    if not wordlist.default().joins(exact(words[end - 1].text), exact(words[end].text), strict=True) and not (
        words[end - 2].low in _LEVELS and not words[end].is_cap and words[end - 1].text not in _ONE_SYLLABLE_PLACES and not words[end - 1].text.isupper()
    ):  # "tỉnh Khuyến cáo": a place is no single syllable going on in lower case
        return end - i
    end -= 1
    while end - i > 1 and (words[end - 1].low in _LEVELS or words[end - 1].text in _CUT_HEADS):
        end -= 1
    return end - i


_ONE_SYLLABLE_PLACES = {"Huế", "Vinh", "Hà"}
_CUT_HEADS = {"Ban", "ban", "Sở", "Cục", "Bộ", "Vụ", "Viện", "Hội", "Phòng", "UBND", "HĐND"}


_PARENT_HEADS = {"BHXH", "Bộ", "Sở", "Viện", "Bệnh", "BV", "Tổng", "Cục", "Trường", "Đại", "ĐH", "Học", "Ủy", "UBND", "Công",
                 "ĐHQG"}  # (round 14: "Trưởng phòng Đào tạo Trường ĐH Bách Khoa – ĐHQG TP.HCM")


_POLICE_SHORT = {"CATP", "CAT", "CAH", "CAQ", "CAND"}


def _parent_body(words: list[_Word], end: int) -> int:
    """How many words after a title name the body it belongs to, in brackets or after a
    dash: "Cục trưởng Cục An ninh kinh tế (Bộ Công an)", "Phó trưởng khoa Nhi – BV Tai Mũi
    Họng", "Phó giám đốc Sở Văn hóa, Thể thao và Du lịch (VHTT&DL) Hà Nam"."""
    if end >= len(words):
        return 0
    gap, first = words[end].gap, words[end].text
    team = first == "Phòng" and any(w.low in ("đội", "trạm") for w in words[max(0, end - 8):end])
    if gap in (" (", "(") and (first in _PARENT_HEADS or first.isupper() or team):
        for k in range(end, min(end + 8, len(words) - 1) + 1):
            if ")" in (words[k + 1].gap if k + 1 < len(words) else ")"):
                n = k + 1 - end
                after = k + 1
                if after < len(words) and words[after].gap == ") " and _run_is_place(words, after):
                    n += _name_run(words, after)  # "(VHTT&DL) Hà Nam"
                return n
        return 0
    if gap in (" - ", " – ", "- ", "– ") and _post_at(words, end)[0]:
        return 0  # (round 13) "Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ": a second post, no parent body
    if gap in (" - ", " – ", "- ", "– ") and (first in _PARENT_HEADS or team or first in _POLICE_SHORT or (
        first == "Thanh" and end + 1 < len(words) and words[end + 1].low == "tra" and end + 2 < len(words)
        and words[end + 2].is_cap  # (round 7) "Cục Chống tham nhũng - Thanh tra Chính phủ"
    )):  # ("Đội CSGT số 3 - CATP Hà Nội": the police written short)
        # "Đội CSGT số 3 – Phòng CSGT – Công an TP": a team's department, then its police
        skip = 2 if first == "Thanh" else 1  # ("Thanh tra | Chính phủ")
        n = skip + _body_tail(words, end + skip, stop_at_person=False)
        return n + _parent_body(words, end + n)
    return 0


def _run_is_place(words: list[_Word], k: int) -> bool:
    return tuple(w.text for w in words[k:k + 3])[:2] in _PLACE_NAMES or any(
        tuple(w.text for w in words[k:k + len(seq)]) == seq for seq in _PROVINCE_SEQS if len(seq) > 1
    )


def _names_someone(words: list[_Word], start: int, end: int) -> bool:
    """Whether words *start*..*end* hold a person's name: a foreign one, or a surname, a
    middle name and a given name."""
    for k in range(start + 1, end - 1):
        w, nxt = words[k], words[k + 1]
        if w.is_cap and nxt.is_cap and len(w.text) > 1 and len(nxt.text) > 1 and w.text.isascii() and _foreign_name(w.text) and (
            w.text not in _STATE_BRAND_WORDS and w.text != "Vietnam"  # "Vietnam Airlines"
            and w.low not in _LEVELS  # (round 13) "UBND Tp. Hồ Chí Minh": a city written "Tp", no foreign name
        ):
            return True
        if w.text in SURNAMES and nxt.is_cap and k + 2 < end and words[k + 2].is_cap and nxt.gap == " " and (
            words[k + 2].gap == " "  # ("xã Diễn Lâm (huyện Diễn Châu)": a bracket parts two places)
        ) and not _province_at(words, k) and not (
            w.text == "Y" and _province_at(words, k + 1)  # "ĐH Y Hà Nội"
        ) and not (
            words[k - 1].low in _PLACE_WORDS or _named_body_before(words, k)  # "phường Hoàng Văn Thụ"
        ) and not _named_institution(words, start, k, k + _name_run(words, k)):  # (round 11) a hospital's
            return True
    return False


_COUNTRY_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _seq in sorted(_COUNTRY_SEQS, key=len, reverse=True):
    _COUNTRY_BY_FIRST.setdefault(_seq[0], []).append(_seq)


@lru_cache(maxsize=65536)
def _title_names_someone(title: str) -> bool:
    """Whether *title* holds a person's name: "Tổng thống Trump", "Thứ trưởng Bộ NN&PTNT Vũ Văn Tám"."""
    words = _words(title)
    last = words[-1].text if words else ""
    n, _ = _post_at(words, 0)
    if 0 < n < len(words) and _COUNTRY_IN.fullmatch(title[words[n].start:]):
        return False  # (round 15) "Thủ tướng New Zealand", "Thị trưởng Los Angeles": a post and a foreign place, no one
    if any(  # "Tổng thống V.Putin", "Tổng thống Cộng hòa Séc M.Dê-man": an initial, a dot and a name
        words[k].gap == "." and len(words[k - 1].text) == 1 and words[k - 1].text.isupper()
        and words[k - 1].text not in _ABBREVIATED and words[k].is_cap  # ("P.Hải Cảng" is a ward)
        for k in range(1, len(words))
    ):
        return True
    if any(  # "Bộ trưởng Thông tin Awwad bin": a foreign name inside the title
        w.is_cap and w.text.isascii() and len(w.text) > 2 and _foreign_name(w.text) and not _COUNTRY_IN.search(w.text)
        and w.text not in _STATE_BRAND_WORDS and words[k - 1].low not in _LEVELS and words[k - 1].low not in _PLACE_WORDS and words[k - 1].low != "phố"
        and not words[k - 1].is_cap  # "huyện Ia Grai", "Đắk Glong": a place of the Central Highlands
        and k + 1 < len(words) and words[k + 1].text.islower()
        for k, w in enumerate(words) if k > 0
    ):
        return True
    for k in range(1, len(words) - 2):  # "Chủ tịch Trung Quốc Tập Cận Bình": a name after the country
        seqs = _COUNTRY_BY_FIRST.get(words[k].text)
        n = seqs and next((len(c) for c in seqs if tuple(w.text for w in words[k:k + len(c)]) == c), 0)
        if n and k + n + 2 <= len(words) and all(w.is_cap and w.gap == " " for w in words[k + n:]):
            return True
    return _names_someone(words, 0, len(words)) or (
        len(words) > 1 and words[-1].is_cap and last.isascii() and _foreign_name(last) and not _COUNTRY_IN.search(last)
        and last not in _STATE_BRAND_WORDS and not _demonym(last)  # (round 14) "Thủ tướng Israeli": a country
        and not words[-2].is_cap and words[-2].low not in _PLACE_WORDS and words[-2].low not in _LEVELS  # "huyện Kông Chro"
    )


# What links a name to a post that follows it: "là", "sẽ là", "giữ chức", "trở thành",
# "đảm nhận chức vụ", "được bầu giữ chức", "được bổ nhiệm làm", each maybe after "sẽ",
# "vừa", "chính thức", "tiếp tục", "thôi" ("ông X sẽ thôi giữ chức Tổng giám đốc").
_LINK_LEADS = {exact(w) for w in "sẽ vừa đã chính thức tiếp tục thôi được hiện đang từng nay mới chỉ điều động luân chuyển và khi lúc đó ấy"
               # (round 13) "ông X còn là / cũng là Đại biểu Quốc hội": a post besides the one told
               " còn cũng".split()}
# (round 12: "ông X khi đó là Phó Trưởng phòng …", "lúc ấy là": the post he held then)
# ("ông X được điều động và bổ nhiệm chức danh …", "ông Y được luân chuyển, bổ nhiệm giữ chức …", "ông Z chỉ giữ chức …")
_LINKS = sorted(
    (tuple(exact(w) for w in p.split()) for p in (
        "là", "giữ chức", "giữ chức vụ", "giữ cương vị", "đảm nhận chức vụ", "đảm nhận chức", "đảm nhiệm chức vụ",
        "trở thành", "làm", "bầu làm", "bầu giữ chức", "bổ nhiệm làm", "bổ nhiệm giữ chức", "bổ nhiệm", "bầu",
        "giao giữ chức", "giao phụ trách", "bổ nhiệm chức danh", "bổ nhiệm giữ chức danh", "giữ chức danh",
        "nhận nhiệm vụ", "nhận chức", "đảm nhận", "đảm nhiệm", "bổ nhiệm vào chức", "bổ nhiệm vào chức vụ",
        # (round 13) "X đảm nhận cương vị / sẽ đảm nhận vị trí Trưởng ban …": the post after the office's word
        "đảm nhận cương vị", "đảm nhiệm cương vị", "đảm nhận vị trí", "đảm nhiệm vị trí", "giữ vị trí",
    )),
    key=len, reverse=True,
)


_LINK_STARTS = _LINK_LEADS | {link[0] for link in _LINKS}
_LINKS_BY_FIRST = _by_first(_LINKS)


def _link_at(words: list[_Word], i: int) -> int:
    """Length of the words at *i* that link a name to its post ("sẽ thôi giữ chức"), or 0."""
    if words[i].low not in _LINK_STARTS:
        return 0  # most words after a name link nothing
    k = i
    while k < len(words) and k - i < 4 and words[k].low in _LINK_LEADS and _link_gap(words, k, i):
        k += 1
    for link in _LINKS_BY_FIRST.get(words[k].low, ()) if k < len(words) else ():
        if tuple(w.low for w in words[k:k + len(link)]) == link and _link_gap(words, k, i) and all(
            w.gap == " " for w in words[k + 1:k + len(link)]
        ):
            return k + len(link) - i
    return 0


def _link_gap(words: list[_Word], k: int, i: int) -> bool:
    """Whether word *k* of a link that opens at *i* follows the word before it as a link's
    words do: a space, or a comma after a move ("được điều động, bổ nhiệm giữ chức")."""
    return words[k].gap == " " or (k > i and words[k].gap == ", " and words[k - 1].low in ("động", "chuyển")) or (
        k == i and words[k].gap == ") "  # (round 16) "ông X (cháu ông Y) đang là …": after an aside
    )


def _titles_after_la(text: str, words: list[_Word], i: int, gap: str = " ") -> list[str]:
    """Titles after "là" (is), or another link, right after a name: "ông Hùng là Thị ủy viên,
    Chủ tịch Hội ...", "ông X giữ chức Chủ tịch UBND huyện", "ông Y sẽ là Tổng giám đốc";
    *gap* is what the link follows (") " after an aside in brackets)."""
    if i >= len(words) or words[i].gap != gap:
        return []
    link = 1 if words[i].low == "là" else _link_at(words, i)
    if not link or i + link >= len(words) or words[i + link].gap != " " or not _post_at(words, i + link)[0]:
        return []
    i += link - 1  # the post opens after the link, as after "là"
    first, _ = _post_at(words, i + 1)
    first += _body_tail(words, i + 1 + first, stop_at_person=False)
    first += _place_after(words, i + 1, i + 1 + first)
    if _names_someone(words, i + 1, i + 1 + first) or (
        i + 1 + first < len(words) and _joined(words, i + 1 + first) and _starts_person(words, i + 1 + first, 2)
    ):
        return []  # "ông A là Chủ tịch UBND xã Nguyễn Văn B": someone else
    return [text[words[i + 1].start:words[i + first].end], *_titles_after(text, words, i + 1 + first)]


_NOMINATE = {tuple(exact(w) for w in p.split()) for p in ("đề cử", "chọn", "đề xuất", "đề cử cho")}


def _nominated_before(words: list[_Word], i: int) -> bool:
    """(Round 18) Whether the name at word *i* is someone's nominee ("Tổng thống Trump chọn ông X | làm Chủ
    tịch Fed", "đề cử ông X làm …"): the post after the link is the one he is put forward for, not held."""
    k = i - 1 if i > 0 and words[i - 1].low in ("ông", "bà") else i
    return any(k >= len(seq) and tuple(w.low for w in words[k - len(seq):k]) == seq for seq in _NOMINATE)


def _capitals_name(words: list[_Word], i: int) -> int:
    """Length of a name written in capitals at *i* ("VƯƠNG ĐÌNH HUỆ"): 2 to 4 words, the first
    a surname."""
    if not (words[i].text.isupper() and words[i].text.isalpha() and words[i].text.title() in SURNAMES):
        return 0
    n = 1
    while (
        n < 4 and i + n < len(words) and words[i + n].text.isupper() and words[i + n].text.isalpha()
        and len(words[i + n].text) > 1 and _joined(words, i + n)
    ):
        n += 1
    return n if n >= 2 else 0


def _place_after(words: list[_Word], start: int, end: int) -> int:
    """How many words after a title *start*..*end* name the larger place it lies in:
    "Chủ tịch UBND xã Quảng Tâm, huyện Tuy Đức" (the title names a commune, ward or district)."""
    if not any(words[k].low in ("xã", "phường", "huyện", "quận", "trấn", "thôn", "bản", "ấp", "phố") for k in range(start, end)) and not (
        end - 3 > start and words[end - 3].text in SURNAMES and _named_institution(words, start, end - 3, end)
    ) and not (
        end - 1 > start and words[end - 1].is_cap and end < len(words) and words[end].gap == ", "
        and words[end].low == "tỉnh" and any(
            (words[k].low, words[k + 1].low) == ("bệnh", "viện") for k in range(start, end - 1)
        )
    ):  # (round 11) "… Bệnh viện Y học cổ truyền Phạm Ngọc Thạch, | tỉnh Lâm Đồng": the province of a hospital
        return 0  # named for a person closes its title (the name alone would read as the next person's)
    n = 0
    if end + 2 < len(words) and words[end].gap == " (" and words[end].low in _LEVELS and words[end + 1].is_cap:
        # "Chủ tịch UBND xã A (huyện B, tỉnh C)": the larger place in brackets
        for k in range(end + 1, min(end + 9, len(words))):
            if words[k].gap.strip() not in ("", ",") or not (words[k].is_cap or words[k].low in _LEVELS):
                return k - end if ")" in words[k].gap and words[k - 1].is_cap else 0
        return 0
    while (
        end + n + 1 < len(words) and words[end + n].gap == ", " and words[end + n].low in _LEVELS
        and (words[end + n + 1].is_cap or words[end + n + 1].text.isupper()) and _joined(words, end + n + 1)
    ):
        k = end + n + 1
        k += _province_at(words, k)
        while k < len(words) and words[k].is_cap and _joined(words, k) and not _starts_person(words, k, 3):
            k += 1  # ("xã Thạch Hà": a place of two syllables, though "Thạch" is a surname)
        n = k - end
    if n and end + n < len(words) and words[end + n].gap == ", " and words[end + n].text in ("TPHCM", "TP.HCM"):
        n += 1
    k = end + n
    if k < len(words) and words[k].gap == ", " and words[k - 1].is_cap and (m := _province_at(words, k)) and (
        k + m >= len(words) or not _joined(words, k + m) or not words[k + m].is_cap
    ):
        n += m  # "Trưởng Công an phường Láng Hạ, quận Đống Đa, Hà Nội": the province closes the address
    return n


def _plausible(name: list[str], confirmed: bool, title: str = "") -> bool:
    """Whether a run after a post is a person rather than a place or a school.

    "Bí thư Huyện ủy Văn Lãng" names a district; "Chủ tịch UBND huyện Viên Văn Nỗ"
    a person: a known surname, or a middle name like Văn/Thị, or titles after it; a
    foreign name after a state's post ("Tổng thống Mỹ Donald Trump") too.
    """
    return (
        confirmed or name[0] in SURNAMES or (len(name) >= 3 and name[1] in _MIDDLE_NAMES) or tuple(name) in PSEUDONYMS
        or (bool(title) and _foreign_name(" ".join(name)) and bool(_FOREIGN_POSTS.search(title.lower()) or _COUNTRY_IN.search(title)))
    )


_PLACE_NAMES = {tuple(p.split()) for p in PROVINCES} | {
    tuple(p.split()) for p in "Trung Quốc|Hoa Kỳ|Thái Lan|Hàn Quốc|Nhật Bản|Quốc Hội|Chính Phủ|Lầu Năm Góc|"
    "Nhà Trắng|Điện Kremlin|Hà Lan|Phan Thiết|Phan Rang|Tuổi Trẻ|Tiền Phong|Bạch Mai|Chợ Rẫy".split("|")
}


# (Round 11) The first two words of places of three or more ("Lầu Năm" of "Lầu Năm Góc"): no person's name.
_PLACE_PREFIXES = {seq[:2] for seq in _PLACE_NAMES | _COUNTRY_SEQS if len(seq) >= 3}


def _foreign_part(name: list[str]) -> list[str]:
    """A foreign name does not go on in Vietnamese: "Sylvie Goulard Đảng Modem" (the party
    after the name) is Sylvie Goulard."""
    for k in range(1, len(name)):
        if not name[k].isascii() and not _foreign_letters(name[k]) and not ("-" in name[k] and _transliterated(name[k])) and (
            not _accented_foreign(name[k])  # (round 18) "Bruno Rodríguez"
        ) and any(len(p) > 1 and p.isascii() and _foreign_name(p) for p in name[:k]):
            return name[:k]
    if len(name) >= 3 and name[0] in _COUNTRY_SHORTS and all(p.isascii() for p in name[1:]) and _foreign_name(" ".join(name[1:])):
        return name[1:]  # (round 8) "cựu Tổng thống Hàn | Park Geun-hye": a country written short before the name
    return name


def _initial_inside(name: list[str]) -> int:
    """(Round 16) Where a foreign name starts at its initial inside a run after a country written in
    Vietnamese syllables ("Ca-na-đa G Tru-đô": 1), or 0."""
    for k in range(1, len(name) - 1):
        if len(name[k]) == 1 and name[k].isupper() and all(_transliterated(p) for p in name[:k]):
            return k
    return 0


def _country_inside(name: list[str]) -> int:
    """(Round 13) Where a foreign name starts after a country's name inside a run (the
    run's second or third word is the country, two foreign parts or more follow), or 0."""
    for k in (1, 2):
        if len(name) >= k + 3 and name[k] in _COUNTRY_WORDS and all(
            p.isascii() and _foreign_name(p) for p in name[k + 1:]
        ):
            return k + 1
    return 0


def _demonym(word: str) -> bool:
    """(Round 14) Whether *word* is a country's name made an English adjective: "Israeli",
    "Pakistani", "Iranian", "Egyptian", "Nepalese" (a country's word, then "i", "n", "ian" or "ese")."""
    return word.isascii() and (any(
        word.endswith(end) and len(word) - len(end) >= 4 and word[: len(word) - len(end)] in _COUNTRY_WORDS
        for end in ("i", "n", "an", "ian", "ese")  # (a stem of four letters or more: "Nga" + "n" is no adjective)
    ) or (word.endswith("ian") and word[:-3] + "a" in _COUNTRY_WORDS))  # "Syrian", "Indonesian", "Croatian"


_COUNTRY_SHORTS = {"Hàn", "Triều", "Trung", "Nhật", "Thái", "Mỹ", "Nga", "Anh", "Pháp", "Đức", "Úc", "Kazakh"}


_COUNTRY_WORDS = {c.strip() for c in COUNTRIES.replace("\n", "").split("|") if " " not in c.strip()}


# The lunar year's names ("Đinh Dậu", "Mậu Tuất"): the first part is often a surname.
_CAN = set("Giáp Ất Bính Đinh Mậu Kỷ Canh Tân Nhâm Quý".split())
_CHI = set("Tý Sửu Dần Mão Mẹo Thìn Tỵ Ngọ Mùi Thân Dậu Tuất Hợi".split())


def _foreign_long(part: str) -> bool:
    """A part of a foreign name longer than any Vietnamese syllable (seven letters):
    ``Vladimir``, ``Emmanuel``, ``Netanyahu``, ``Abdulrahman``; a capitalised word of
    plain letters (no Vietnamese marks), at most twelve."""
    plain = fold(part) if _accented_foreign(part) else part  # (round 18) "Rodríguez": its accents aside
    return len(part) <= 12 and plain.isascii() and part.isalpha() and part[0].isupper() and part[1:].islower()


def _good_name(parts: list[str]) -> bool:
    return (
        2 <= len(parts) <= 5
        and (len(parts[0]) > 1 or parts[0] == "Y")  # "T.Ư Đoàn" is no name, "Y Nhông" is (Ê Đê)
        and not (len(parts[-1]) == 1 and parts[-1].isascii())
        and parts[-1] not in ("Văn", "Thị")  # "Trần Văn" is the start of a name
        and not (parts[0] in ("Đoàn", "Đội", "Tuyển") and parts[-2:] == ["Việt", "Nam"])  # a delegation
        and (parts[0] not in _NOT_NAMES - _NAME_STARTERS or (len(parts) >= 3 and parts[1] == "Thị")  # "Văn Thị Bạch Tuyết"
             or tuple(parts) in PSEUDONYMS)
        and all(len(p) <= 7 or ("-" in p and len(p) <= 12) or _foreign_long(p) for p in parts)  # (round 8: "al-Thani")
        and not any(piece in _COUNTRY_WORDS for p in parts if "-" in p for piece in p.split("-"))  # "Việt Nam-Belarus"
        and tuple(parts) not in _PLACE_NAMES and tuple(parts) not in _COUNTRY_SEQS
        and tuple(parts) not in _PLACE_PREFIXES  # (round 11) "Lầu Năm | góc": a place's name cut by a typo
        and not (parts[0] == "Y" and tuple(parts[1:]) in _PLACE_NAMES)  # "ĐH Y Hà Nội": a school
        and not (parts[0] == "Từ" and _foreign_name(" ".join(parts[1:])))  # "Từ Odessa, Tổng thống ...": "from"
        and not (len(parts) == 2 and parts[0] in _CAN and parts[1] in _CHI)  # "Tết Đinh Dậu": a lunar year
        and not (parts[0] == "Châu" and parts[1].split("-")[0] in _CONTINENTS)  # "Châu Á-Thái Bình Dương"
    )


def _mentions(text: str) -> tuple[list[_Mention], list[tuple[str, str | None]]]:
    """Full-name mentions with their titles, and short references (word, title)."""
    words = _words(text)
    mentions: list[_Mention] = []
    shorts: list[tuple[str, str | None]] = []
    last_end = 0  # the word after the last full mention
    pending: list[str] = []  # "Ủy viên Bộ Chính trị, Phó Thủ tướng X": titles before the last one
    pending_end = -1
    bare: list[tuple[int, int, str]] = []  # (round 17) names with no title: a shared bracket's list
    i = 0
    while i < len(words):
        if pending and i > pending_end:
            pending = []
        if not words[i].is_cap and not words[i].text.isupper() and words[i].low not in _POST_STARTS:
            i += 1  # most words start neither a post nor a name
            continue
        if _role_played(words, i):
            i += 1 + _name_run(words, i)  # "nam diễn viên vào vai X - Chánh Văn phòng …": a character, no official
            continue
        post_len, is_rank = _post_at(words, i, before_name=True)
        if post_len and words[i].low == "vụ" and i and words[i - 1].low == "chức" and words[i].gap == " ":
            i += 1  # (round 7) "giữ chức vụ | trưởng phòng …": "chức vụ" is a position, no "Vụ trưởng"
            continue
        if post_len and (_memorial(words, i) or _aide(words, i)):
            # "khu lưu niệm cố Thủ tướng Võ Văn Kiệt" names a place
            tail = _body_tail(words, i + post_len)
            i += post_len + tail + _name_run(words, i + post_len + tail)
            continue
        if post_len:
            # titles, then name: walk over the body's name to the person
            tail = 0 if is_rank else _body_tail(words, i + post_len)
            if not is_rank and tail and (parent := _parent_then_person(words, i + post_len + tail)):
                # (round 9) "Phó Vụ trưởng Vụ Hợp tác quốc tế, Bộ Tư pháp | Lê Thị B": the unit's parent, then its holder
                tail += parent
            j = i + post_len + tail
            # a capitalised run that the tail swallowed may hold a place and a name
            k = i + post_len
            while k < j and not (words[k].is_cap and _run_reaches(words, k, j)):
                k += 1
            run_start = k if k < j else j
            if 0 < run_start < len(words) and words[run_start - 1].low == "châu" and words[run_start].text in _CONTINENTS:
                run_start += 1  # "Bộ trưởng Ngoại giao và Hội nhập châu Âu Moldova X"
            if run_start < j and _inside_word(words, run_start + 1) and run_start + 2 < len(words):
                run_start += 2  # "Thứ trưởng Bộ Quốc Phòng Trần Đơn": "Quốc Phòng" is the body's name
            if 3 <= run_start < j and words[run_start - 1].low == "chợ" and (
                words[run_start - 3].low, words[run_start - 2].low
            ) == _MANAGEMENT and run_start + _name_run(words, run_start) <= j:
                run_start = j  # (round 12) "(tổ trưởng tổ quản lý chợ Lương Văn Can)": the market's name, no person's
            if run_start < j and words[run_start].text in _PALACES and run_start > 0 and words[run_start - 1].low == "điện":
                run_start += 1  # "Tổng Thư ký điện Elysee | Alexis Kohler"
            if (
                run_start < len(words) and words[run_start].text == "Đoàn" and run_start > 0
                and words[run_start - 1].low in ("ương", "ư", "tư") and _name_run(words, run_start) >= 3
            ):
                run_start += 1  # "Bí thư thứ nhất Trung ương Đoàn | Lê Quốc Phong": the Youth Union, no surname
            run_len = _name_run(words, run_start)
            if run_len and (_joined(words, run_start) or (run_len >= 3 and (
                _dashed_province_part(words, run_start) or _place_then_province(words, run_start)
            ))):
                # (round 19) "Chủ tịch UBND tỉnh Thừa Thiên - | Huế Nguyễn Văn Cao", "tỉnh Bà Rịa- | Vũng Tàu X":
                # the province's second part after its dash, then the holder's name (round 20: "… cửa khẩu
                # Đồng Đăng - | Lạng Sơn Vy Văn Thành": a gate's place, its province, then the name)
                run = _parts(words, run_start, run_start + run_len)
                place, name = _split_place(
                    run, _place_word_before(words, run_start),
                    # (wards and streets are named after people: "phường Bùi Thị Xuân" is a ward)
                    _named_body_before(words, run_start) or words[run_start - 1].low in ("phường", "đường", "phố"),
                )
                if is_rank and place and len(place) == 1 and 2 <= len(name) <= 3 and place[0] not in _NOT_NAMES and (
                    tuple(place) not in _PROVINCE_SEQ_SET and tuple(place) not in _COUNTRY_SEQS
                    and place[0] not in _COUNTRY_WORDS and not _demonym(place[0]) and not _run_is_place(words, run_start)
                ):
                    place, name = [], place + name  # (round 18) "Trung tá Lao Hoàng Hải": a rank has no body, so a
                    # syllable before a surname is the name's own rare surname, not a place
                if not place and len(name) >= 3 and _demonym(name[0]) and all(p.isascii() and _foreign_name(p) for p in name[1:]):
                    place, name = name[:1], name[1:]  # (round 14) "Thủ tướng Israeli | Benjamin Netanyahu": the
                    # country written as its English adjective, then the foreign name
                if not place and (k := _country_inside(name)):
                    place, name = name[:k], name[k:]  # (round 13) "Bộ trưởng Bộ Công | Thương Lào | Khemmani
                    # Pholsena": the body's last word and its country, then the foreign name
                if not place and (k := _initial_inside(name)):
                    place, name = name[:k], name[k:]  # (round 16) "Thủ tướng Ca-na-đa | G.Tru-đô": the country
                    # written in Vietnamese syllables, then the name from its initial
                name = _foreign_part(name)
                if len(name) == 1 and not place and name[0] not in _NOT_NAMES and name[0] not in _STATE_BRAND_WORDS and (
                    name[0] not in _COUNTRY_WORDS or run_start == i + post_len  # (round 13) "Tư lệnh Không quân Nga |
                ) and len(  # Thượng tướng X": the body's country (but "thượng tá Đức" is a short name)
                    name[0]
                ) > 1 and not (
                    run_start >= 2 and words[run_start - 1].text.islower() and words[run_start - 2].text in SURNAMES
                ) and not _post_at(words, run_start)[0]:  # (one letter is no given name: "Ủy viên T.Ư" is the Central
                    # Committee's; "Thủ tướng Nguyễn xuân Phúc" is a full name mistyped, not a short one after a
                    # title; "… Cục Cứu hộ | Thiếu tướng X": a rank, no short name)
                    # ("Ủy viên Trung ương Đảng, Bí thư …": "Đảng" ends a body, no short name; round 7: nor is
                    # any post's first word: "Chủ tịch nước | Thứ trưởng …", nor a state brand: "Phó Tổng giám
                    # đốc Sabeco | đối với ông X")
                    shorts.append((name[0], text[words[i].start:words[run_start - 1].end]))
                    i = run_start + run_len
                    continue
                after = run_start + run_len
                more_titles, more_end = _titles_span(text, words, after)
                if not more_titles and after < len(words) and words[after].low == "làm" and i > 0 and (
                    words[i - 1].low == "do"
                ) and (more := _titles_after_la(text, words, after)) and _BOARD_HEAD.search(more[0].lower()):
                    # (round 19) "Ban soạn thảo do Thứ trưởng X làm trưởng ban": the board an official is put at
                    # the head of ("do Thẩm phán X làm chủ tọa" is a trial's chair, no post)
                    more_titles, more_end = more, after + 1 + sum(len(_words(t)) for t in more)
                if more_end < len(words) and words[more_end].gap == ", " and _post_at(words, more_end)[0]:
                    # "Bộ trưởng Ngoại giao Ấn Độ A, Phó Thủ tướng, Bộ trưởng Ngoại giao B": the
                    # titles after A lead to B's name; A has hers before it
                    more_titles = []
                if more_titles and more_end < len(words) and words[more_end].gap == ", " and (
                    _lone_name_at(words, more_end + 1) if words[more_end].low in ("ông", "bà") else _lone_name_at(words, more_end)
                    if words[more_end].low in _DEGREES else 0
                ):
                    # (round 16) "Phó Chủ tịch UBND TP A, Giám đốc ĐH Đà Nẵng, GS.TS B đã …": a list of posts
                    # each before its holder; the last title after A is B's
                    more_titles.pop()
                if (
                    more_titles and more_end < len(words) and words[more_end].text == "các" and words[more_end].gap == " "
                    and is_post(more_titles[-1])
                ):
                    # (round 11) "Tháp tùng có Tổng Thanh tra Chính phủ X, Phó Chánh án TAND Tối cao, Thứ trưởng |
                    # các Bộ …": a list of who came, the posts after X are other people's
                    more_titles = []
                if (
                    more_titles and (is_post(more_titles[-1]) or _post_of_country(more_titles[-1])) and more_end < len(words)
                    and words[more_end].gap == " " and not words[more_end].is_cap and not words[more_end].text.isupper()
                ):
                    # "ý kiến của đại biểu X, Phó Thủ tướng nêu rõ": a bare post (or a country's:
                    # "Chủ tịch nước X, Thủ tướng Belarus khẳng định") that goes on to a verb is
                    # the next sentence's subject, not X's
                    more_titles.pop()
                if (
                    len(name) == 2 and not place and not more_titles and run_start > 0
                    and words[run_start - 1].low in ("tỉnh", "tp", "tx", "phố", "xã")
                ):
                    name = []  # "Phó Chủ tịch UBND TP Sầm Sơn": a town, not a person
                title_end = run_start + sum(p.count("-") + 1 for p in place)  # ("Ca-na-đa" is three words)
                title_end = i + _uncut(words, i, title_end) if title_end < run_start + run_len else title_end
                title = text[words[i].start:words[title_end - 1].end]
                if name and not place and not more_titles and _named_institution(words, i, run_start, after):
                    name = []  # (round 11) "… Bệnh viện Y học cổ truyền Phạm Ngọc Thạch, tỉnh Lâm Đồng": the
                    # hospital's name, which its province follows
                if name and name[0] not in SURNAMES and not _foreign_name(" ".join(name)) and _private(title):
                    name = []  # "Giám đốc Công ty Bóng đèn Điện Quang, Bí thư Đảng ủy": the company's name
                if _good_name(name) and _plausible(name, bool(more_titles), title):
                    before = _same_country(pending, title) if pending_end == i else []
                    mentions.append(_Mention(" ".join(name), [*before, title, *more_titles]))
                    last_end = after
                    i = after
                    if not more_titles and i < len(words) and _plural_before(words, run_start - len(place) - tail - post_len):
                        # "các Phó Chủ tịch UBND tỉnh A, B và C": one post, several people
                        k = after + (1 if words[after].low == "và" and words[after].gap == " " else 0)
                        if k < len(words) and (k > after or words[k].gap == ", "):
                            for start, end in _list_of_people(words, k, one=False):
                                if end < len(words) and words[end].gap.strip() in (",", "-", "–", "(") and (
                                    _post_at(words, end)[0]
                                ):
                                    i = start  # "…, B, Giám đốc Sở Y tế": B has a post of his own
                                    break
                                mentions.append(_Mention(" ".join(_parts(words, start, end)), [title]))
                                last_end = i = end
                    continue
                if place and not name and run_start + len(place) > j and _place_word_before(words, run_start):
                    j = run_start + len(place)  # (round 7) "Chủ tịch UBND phường Thái Học, | ông X": the
                    # place ends the title (its name starts with a surname), the person follows
            if j > i + post_len and (m := _bracket_then_name(words, j)):
                # "Bí thư Đảng ủy xã X (huyện Y, tỉnh Z) Đỗ Văn A", "Chủ tịch HĐTV Tập đoàn … (TKV) B"
                after = m + _name_run(words, m)
                name = _parts(words, m, after)
                title = text[words[i].start:words[m].start].rstrip()
                if _good_name(name) and _plausible(name, False, title) and not _split_place(name, False)[0]:
                    before = _same_country(pending, title) if pending_end == i else []
                    mentions.append(_Mention(" ".join(name), [*before, title, *_titles_after(text, words, after)]))
                    last_end = i = after
                    continue
            if not is_rank or (j > i + post_len):
                found, end = _people_after_title(text, words, i, j)
                if found:
                    if pending_end == i and found[0].titles:
                        found[0].titles[:0] = _same_country(pending, found[0].titles[0])
                    mentions += found
                    last_end = i = end
                    continue
            if j < len(words) and (
                words[j].gap in (", ", " - ", " – ")
                or (words[j].gap == " " and j > i + post_len and not is_rank and _post_at(words, j)[1])
            ) and _post_at(words, j)[0] and (  # ("Cục trưởng Cục X Thiếu tướng Y": the title, then Y's rank)
                not pending or pending_end == i
            ) and not _on_behalf(words, i) and not (i > 0 and words[i - 1].low == "trước") and not (
                _guests_post(text, words, i, j)
            ) and not (
                _plural_before(words, i) or (i > 0 and j == i + post_len and (
                    (words[i - 1].low == "của" and tuple(w.low for w in words[i:j]) in _NAME_POSTS)
                    or (words[i - 1].low == "với" and not (i > 1 and words[i - 2].low == "cùng"))
                ))
            ):  # ("trò chuyện với các đại biểu, Phó Thủ tướng Y", "ý kiến của đại biểu, Bí thư Thành ủy X", "báo
                # cáo với Bộ trưởng, Chuẩn đô đốc Z": the bare post before the comma is several people's, other
                # deputies', the one spoken to; but "chia sẻ của Thứ trưởng, Tổng Giám đốc BHXH X" is X's)
                pending = [*(pending if pending_end == i else []), text[words[i].start:words[j - 1].end]]
                pending_end = j
            elif j + 1 < len(words) and words[j].low == "kiêm" and words[j].gap == " " and words[j + 1].gap == " " and (
                _post_at(words, j + 1)[0] and not is_rank and (not pending or pending_end == i) and not _plural_before(words, i)
            ):  # (round 12) "Phó Giám đốc Sở KH&ĐT kiêm Giám đốc Ban quản lý dự án X": both posts are X's
                pending = [*(pending if pending_end == i else []), text[words[i].start:words[j - 1].end]]
                pending_end = j + 1
            # "ông X ... được bổ nhiệm giữ chức <post>": a new post of the person just named
            if mentions and _appointed_before(words, i) and _same_sentence(words, last_end, i) and not (
                _addressed(words, last_end) or _for_whom(words, i + post_len + tail)
                or _other_short_name(words, last_end, i, mentions[-1].name)
                or _passive_agent(words, last_end - len(mentions[-1].name.split()))
            ):
                mentions[-1].titles.append(text[words[i].start:words[i + post_len + tail - 1].end])
            i += post_len + (0 if is_rank else tail)
            continue
        run_len = _name_run(words, i)
        if run_len < 2 and _honoured(words, i) and (caps := _capitals_name(words, i)):
            run_len = caps  # "Đồng chí VƯƠNG ĐÌNH HUỆ, Ủy viên Bộ Chính trị"
        if run_len >= 3 and words[i].low in _HONORIFIC_WORDS:
            i += 1  # "Ông Đinh Quang Thủy, Giám đốc...": the honorific opens a sentence
            run_len -= 1
        if run_len >= 2:
            run = [p if not p.isupper() else p.title() for p in _parts(words, i, i + run_len)]
            after = i + run_len
            titles, titles_end = _titles_span(text, words, after)
            if not titles and not _nominated_before(words, i):
                titles, titles_end = _titles_after_la(text, words, after), after
            if not titles and _honoured(words, i) and _glued_post(words, after):
                # (round 16) "Đồng chí X Ủy viên Trung ương Đảng, Chủ nhiệm …": the comma after the name left out
                titles, titles_end = _titles_span(text, words, after, glued=True)
            if not titles and (aside := _aside_at(words, after)) and _honoured(words, i):
                # (round 16) "Ông X (cháu ông Y) đang là Phó chủ tịch UBND xã": an aside, then the link
                titles, titles_end = _titles_after_la(text, words, after + aside, gap=") "), after
            if (
                titles and _good_name(run) and not _place_word_before(words, i)
                and (_plausible(run, False) or _honoured(words, i))
                and not (run[0] == "Đoàn" and "(" in words[i].gap and tuple(run[1:]) in _PLACE_NAMES)
                # (round 11) "đại biểu X (Đoàn Thanh Hóa - Phó Chủ nhiệm …)": X's delegation, no person
            ):
                if _shared_bracket(words, after):
                    mentions += [_Mention(name, list(titles)) for name in _listed_before(words, bare, i)]
                mentions.append(_Mention(" ".join(run), titles))
                last_end = after
                # go on after the titles, so that they never open a list for the next name
                i = max(after, titles_end)
                if _aside_at(words, after):
                    i = after  # the aside may name someone else: "X (em trai bà Y, Bí thư …), Giám đốc …"
                continue
            if not bare or i >= bare[-1][1]:
                bare.append((i, i + run_len, " ".join(run)))  # (round 17) a name with no title yet
            i += 1  # a post may start inside the run: "Theo Thiếu tá Triệu Đức Anh"
            continue
        if run_len == 1 and i > 0 and _joined(words, i):
            before = " ".join(w.low for w in words[max(0, i - 2):i])
            if words[i - 1].low in _HONORIFICS or before in _HONORIFICS:
                # "Ông Sáng là Tỉnh ủy viên, Giám đốc Sở KH&ĐT": posts of the person named before
                shorts += [(words[i].text, t) for t in _titles_after_la(text, words, i + 1)] or [(words[i].text, None)]
        i += 1
    return mentions, shorts


_MINISTERS = ("bộ trưởng", "thứ trưởng")


def _guests_post(text: str, words: list[_Word], i: int, j: int) -> bool:
    """(Round 14) Whether the post at *i* (to *j*) is a foreign guest's, said after "của" before
    a comma: "đề xuất của Chủ tịch Thượng viện Haiti, | Chủ tịch Quốc hội X" (X is the host)."""
    if i == 0 or words[i - 1].low != "của" or j >= len(words) or words[j].gap != ", ":
        return False
    title = text[words[i].start:words[j - 1].end]
    n, is_rank = _post_at(words, j)
    k = j + n + _body_tail(words, j + n)
    return bool(_COUNTRY_IN.search(title)) and "Việt Nam" not in title and not is_rank and k < len(words) and (
        _starts_person(words, k, 3)  # the host's post and a Vietnamese name ("Tổng Bí thư …, Chủ tịch nước X" is one guest's)
    )


_CENTRAL_GOVERNMENT = re.compile(r"(?:[Pp]hó )?(?:[Tt]hủ tướng|[Bb]ộ trưởng|[Tt]hứ trưởng|[Cc]hủ tịch nước)\b")
_LOCAL_GOVERNMENT = re.compile(r"\b(?:UBND|HĐND|[Ủủ]y ban nhân dân|[Uu]ỷ ban nhân dân|Sở(?! hữu))\b")  # (not "Cục Sở hữu trí tuệ")


def _same_country(pending: list[str], title: str) -> list[str]:
    """The titles before the last one in "A, B, C Name" that may be the same person's: one
    that names another country than the last title is another guest's ("Phó Tổng thống
    Indonesia, Phó Thủ tướng Thái Lan, cựu Thủ tướng Singapore X")."""
    if pending and sum(_title_key(t).startswith(_MINISTERS) for t in (*pending, title)) >= 2:
        return []  # (round 12) "chất vấn Bộ trưởng Bộ Y tế, Bộ trưởng Bộ Nội vụ, Chủ tịch Quốc hội X": two ministers'
        # posts are two people's, not X's (one person heads one ministry)
    if _LOCAL_GOVERNMENT.search(title) and not title.lower().startswith(("nguyên", "cựu")):
        pending = [t for t in pending if not _CENTRAL_GOVERNMENT.match(t)]  # (round 16) "chỉ đạo của Phó Thủ
        # tướng Chính phủ, Phó Chủ tịch UBND tỉnh X": no one holds a government's and a province's post at once
    country = _COUNTRY_IN.search(title)
    if not country:
        return pending
    return [t for t in pending if not ((other := _COUNTRY_IN.search(t)) and other.group() != country.group())]


def _plural_before(words: list[_Word], i: int) -> bool:
    """Whether the post at *i* is said of several people: "các", "những", "hai", "ba" before it."""
    return i > 0 and words[i].gap == " " and (words[i - 1].low in ("các", "những", "hai", "ba", "bốn", "năm", "sáu") or (
        words[i - 1].text.isdigit() and len(words[i - 1].text) == 1 and words[i - 1].text != "1"  # "3 Phó Chủ tịch"
        and not any(c in words[i - 1].gap for c in "/-.")  # (not a date: "ngày 16/6, Ủy viên Bộ Chính trị")
    ))


def _bracket_then_name(words: list[_Word], j: int) -> int:
    """Where a name starts right after a bracket that opens at word *j* and holds a place or
    an abbreviation (at most 8 words), or 0: "… xã Quế Long (huyện Quế Sơn, Quảng Nam) Đỗ Văn A"."""
    if j >= len(words) or words[j].gap.strip() != "(":
        return 0
    for m in range(j + 1, min(j + 9, len(words))):
        gap = words[m].gap
        if "(" in gap or "." in gap:
            return 0
        if ")" in gap:
            return m if gap.strip() == ")" and gap.endswith(" ") and words[m].is_cap and _name_run(words, m) >= 2 and (
                words[m].text in SURNAMES
            ) else 0
    return 0


def _on_behalf(words: list[_Word], i: int) -> bool:
    """Whether the post at *i* is someone else's: "thừa ủy quyền Thủ tướng", "thừa lệnh Chủ tịch"."""
    if i >= 1 and words[i - 1].low in ("của", "cho"):
        i -= 1  # "Thừa ủy quyền của Chủ tịch nước", (round 8) "Thay mặt cho giám đốc Sở, X - Phó giám đốc"
    return i >= 2 and (words[i - 2].low, words[i - 1].low) in {
        ("ủy", "quyền"), ("uỷ", "quyền"), ("thừa", "lệnh"), ("thừa", "quyền"),  # "Thừa quyền Chủ tịch nước"
        ("thay", "mặt"),  # "thay mặt đoàn đại biểu Quốc hội tỉnh, Bí thư Tỉnh ủy X": X speaks for the delegation
    }


_AIDES = {tuple(exact(w) for w in p.split())
          for p in ("trợ lý", "cố vấn", "phu nhân", "con trai", "con gái", "thư ký", "phát ngôn",
                    "ứng viên", "cử viên", "con rể", "con dâu",
                    "phái viên", "đặc sứ")}  # ("ứng cử viên Tổng thống X": a candidate holds no post; round 16:
# "đặc phái viên của Tổng thống Hàn Quốc X": the envoy is X, the president someone else)


_PRESS = (exact("báo"), exact("chí"))


def _aide_named_after(words: list[_Word], i: int) -> bool:
    """(Round 14) Whether the aide is named after the post's holder: "người phát ngôn của Tổng thống
    Thổ Nhĩ Kỳ X, | ông Y cho biết" (X holds the post, Y speaks for him)."""
    n, _ = _post_at(words, i)
    k = i + n + _body_tail(words, i + n)
    k += _name_run(words, k) if k < len(words) and _joined(words, k) else 0
    if k + 1 < len(words) and words[k].gap == ", " and words[k].low in _HONORIFIC_WORDS:
        k += 1  # "…, ông Y"
        return words[k].is_cap and words[k].gap == " "
    if k + 2 < len(words) and words[k].gap == " " and words[k].low == "là" and _name_run(words, k + 1) >= 2:
        return True  # (round 16) "các đặc phái viên của Tổng thống X | là Y và Z": the aides named after "là"
    # "con trai cả của Tổng thống X, | Y Jr. sẵn sàng …": the son named, no post of his own
    return k < len(words) and words[k].gap == ", " and _name_run(words, k) >= 2 and not _post_at(words, k)[0] and (
        k - 1 >= 0 and words[k - 1].is_cap
    )


def _aide(words: list[_Word], i: int) -> bool:
    """Whether the post at *i* is held by someone else than the person named after it: "Trợ lý
    Tổng thống Nga X", "phu nhân Thủ tướng Y", "người phát ngôn Tổng thống Z" (the facet leaves
    such people out), "Thư ký Báo chí của Tổng thống Nga X" (an aide's role, "của", the post)."""
    if i >= 2 and (words[i - 2].low, words[i - 1].low) in _AIDES:
        return True
    if i >= 4 and (words[i - 2].low, words[i - 1].low) == _PRESS and (words[i - 4].low, words[i - 3].low) in _AIDES:
        return True  # (round 14) "Thư ký báo chí Tổng thống Nga X": the press secretary, no president
    return i >= 3 and words[i - 1].low == "của" and any(
        (words[k].low, words[k + 1].low) in _AIDES
        and not (
            (first := k - (1 if k and words[k - 1].low == "người" else 0)) and words[first].gap.strip() in (",", "-", "–", "(", ".,")
            and (words[first - 1].is_cap or (first >= 2 and words[first - 1].gap == "-" and words[first - 2].is_cap))
            # (round 14: "…báo giới, người phát ngôn của Tổng thống Nga X": no one before; "Moon Chung-in, cố vấn";
            # "X Jr., con trai của Tổng thống Y": after an abbreviation's dot)
        )
        and not _aide_named_after(words, i)
        # (the role's first word: "người" of "người phát ngôn")
        for k in range(max(0, i - 6), i - 2)
    )  # (but "Ông X, Thư ký của Bộ trưởng Y": X is the aide, named before; Y holds the post)


def _role_played(words: list[_Word], i: int) -> bool:
    """Whether word *i* opens the part an actor plays: "vào vai | Phạm Ngọc Triển", "đóng vai | Chủ tịch xã"."""
    return i >= 2 and words[i - 1].low == "vai" and words[i - 2].low in ("vào", "đóng", "thủ", "nhận", "các", "hai")


def _memorial(words: list[_Word], i: int) -> bool:
    """Whether the post at *i* is part of a memorial's name: "nhà tưởng niệm cố Chủ tịch ..."."""
    return i >= 2 and words[i - 1].low == "cố" and words[i - 2].low in ("niệm", "thờ", "mộ", "tượng", "đài", "lăng")


def _people_after_title(text: str, words: list[_Word], i: int, j: int) -> tuple[list[_Mention], int]:
    """People named after a title that ends at word *j*, not right after it:

    * ``Giám đốc Sở Y tế Quảng Trị, bà Lê Thị Hương``: a comma (or a dash, or nothing:
      ``Chủ tọa phiên tòa bà X``), an honorific;
    * ``quyết định cách chức Chủ tịch UBND xã đối với ông X``: a discipline or an
      appointment, the post first;
    * ``các Phó Chủ tịch UBND tỉnh: A, B và C``: one post, a list of people.

    Returns the people and the word after the last one.
    """
    if j >= len(words):
        return [], j
    title = text[words[i].start:words[j - 1].end]
    gap = words[j].gap.strip()
    k = j
    if i > 0 and (words[i - 1].low in ("của", "quyền", "mặt", "cho", "gửi") or _linked_to_name_before(words, i) or (
        words[i - 1].low == "với" and not (i > 1 and words[i - 2].low == "cùng")
    )) and not (
        words[i - 1].low == "của" and gap in ("-", "–") and words[j].low in ("ông", "bà") and i > 1
        and words[i - 2].low not in ("quyền", "nhiệm")
    ):  # (round 19: "phát biểu của Chủ tịch UBND Thành phố – ông X": a dash sets the holder beside his post)
        return [], j  # "Thừa ủy quyền của Chủ tịch nước, đồng chí X", "Báo cáo với Bí thư Thành ủy, bà Y
        # cho biết": the post is someone else's (but "cùng với Phó Chủ tịch tỉnh, ông X" is X's); "từ thời
        # ông A làm Bộ trưởng Bộ Y tế, ông B …", "ông A, người kiêm vị trí Cục trưởng Cục X, bà B …": the
        # post a link gives is the person's named before it
    if gap in (",", "-", "–", "") and words[j].low in ("ông", "bà") or (
        gap == "," and words[j].low in ("anh", "chị") and j + 1 < len(words) and words[j + 1].is_cap
    ) or (
        gap in (",", "-", "–", "") and words[j].low == "đồng" and j + 1 < len(words) and words[j + 1].low == "chí"
    ):  # ("Chủ tọa phiên tòa bà X": no comma either)
        k = j + (2 if words[j].low == "đồng" else 1)
        people = _list_of_people(words, k, one=True)
    elif gap == "" and j + 2 < len(words) and words[j].low == "là" and words[j + 1].low in ("ông", "bà"):
        k = j + 2  # "Chủ tịch UBND xã là ông X"
        people = _list_of_people(words, k, one=True)
    elif gap == "" and j + 2 < len(words) and words[j].low == "của" and words[j + 1].low in ("ông", "bà") and (
        i >= 2 and (words[i - 2].low, words[i - 1].low) in (("chức", "vụ"), ("chức", "danh"))
    ):
        k = j + 2  # (round 19) "xin thôi chức vụ Chi cục trưởng Chi cục ATVSTP tỉnh của ông X": the post is his
        people = _list_of_people(words, k, one=True)
    elif gap == "" and (lead := _then_is(words, j)) and j + lead + 1 < len(words) and words[j + lead].low in ("ông", "bà"):
        k = j + lead + 1  # (round 17) "Chủ tịch UBND huyện khi đó là ông X": the holder then, or now
        people = _list_of_people(words, k, one=True)
    elif (
        gap == "" and (t := _term_end(words, j)) + 2 < len(words) and (
            (words[t].low, words[t + 1].low) == ("đối", "với")
            or (words[t].low == "với" and words[t + 1].low in ("ông", "bà"))  # (round 7) "… với ông X"
        ) and _appointment_before(words, i)
    ):  # (round 7: past the post's term, "nhiệm kỳ 2013-2018")
        k = t + (2 if words[t].low == "đối" else 1)
        k += 1 if words[k].low in ("ông", "bà") else 0
        title = text[words[i].start:words[t - 1].end]
        if (listed := _counted_list(words, k)):
            people = _list_of_people(words, listed, one=False, ranks=True)  # (round 18) "bổ nhiệm giữ chức Phó
            # Cục trưởng Cục CSGT đối với 3 cán bộ gồm: Đại tá A (…), đại tá B (…) và thượng tá C (…)"
        else:
            people = _list_of_people(words, k, one=True)
    elif gap == ":" and (_comrades_before(words, i) or (
        i >= 1 and words[i - 1].low == "các" and words[i].gap == " " and len(listed := _list_with_posts(text, words, j)) >= 2
        and all(own for _, _, own, _ in listed)
    )):  # (round 19) "các Ủy viên T.Ư Đảng: A, Phó Bí thư Thành ủy; B, Chủ tịch UBND TP": each with a post of their own
        # (round 7) "các đồng chí Ủy viên Trung ương Đảng: A - Phó Chủ tịch Quốc hội, B - Bộ trưởng …; C …":
        # the shared post, then each one with their own
        out, last = [], j
        for start, end, own, own_end in _list_with_posts(text, words, j):
            out.append(_Mention(" ".join(_parts(words, start, end)), [title, *own]))
            last = own_end
        return out, last
    elif gap == ":" and _plural_before(words, i):
        people = _list_of_people(words, j, one=False)  # "Ba cựu Chủ tịch xã X: A (SN 1958), B và C"
    elif gap == "" and words[j].low == "như" and _plural_before(words, i) and j + 1 < len(words) and (
        words[j + 1].gap == " " and words[j + 1].is_cap
    ):  # (round 9) "liên lạc với các đại biểu Quốc hội như A, B để …": the post's holders, named after "như"
        people = _list_of_people(words, j + 1, one=False)
        k = j + 1
    elif gap == "" and (lead := _list_lead(words, j)):
        k = j + lead  # "nguyên Ủy viên Trung ương như các ông A, B, C", "… gồm ông A và ông B"
        people = _list_of_people(words, k, one=False)
        if len(people) == 1 and _plural_before(words, i):
            people = _honoured_in_sentence(words, k - 1)  # "2 Phó Giám đốc sở này gồm ông A được …
            # và ông B được …": each one the sentence names with an honorific
    elif gap in (",", "-", "–") and (k := _name_after_comma(words, i, j)):
        # (round 7) "Ủy viên Trung ương Đảng, Tổng Giám đốc TTXVN, Nguyễn Văn A và …", "Phó cục trưởng Cục X,
        # Bộ Y tế, Nguyễn Văn A đã yêu cầu …": the title, a comma, the name alone, then no title of its own
        body_end = k
        while body_end > j and words[body_end - 1].low in _DEGREES:
            body_end -= 1  # (round 16) the holder's degrees before the name are no part of the title
        if body_end > j and not _ministry_after_department(words, i, j):
            title = text[words[i].start:words[body_end - 1].end]  # "Chánh Thanh tra, Sở Nội vụ"; but a ministry after
            # its department's comma is no part of the title as the labels write it ("Cục trưởng Cục Thú y, Bộ …, X")
        people = _list_of_people(words, k, one=True)
    elif _among(words, i) and (k := _demonstrative_end(words, j)) and k < len(words) and words[k].gap == ", ":
        people = _honoured_in_sentence(words, k)  # "Trong số 6 phó giám đốc sở này, ông A …; ông B …; còn ông C …"
    else:
        return [], j
    out, last = [], j
    own_titles = len(people) == 1 or (people and people[-1][1] - people[0][0] > 3 * len(people) + 2)
    # (the people of a sentence, each with their own clause: "ông A được bổ nhiệm …; ông B …")
    for start, end in people:
        name = _parts(words, start, end)
        titles = [title, *(_titles_after(text, words, end) or _titles_after_la(text, words, end))] if own_titles else [title]
        rank = next((n for n in (2, 1) if start >= n and _post_at(words, start - n) == (n, True)), 0)
        if rank and (not all(_joined(words, m) for m in range(start - rank + 1, start + 1)) or words[start - rank].low in _NAME_POSTS_FIRST):
            rank = 0
        if rank:
            titles.insert(0, text[words[start - rank].start:words[start - 1].end])  # (round 18) "đại tá A" in a list
        # ("Trong số ba phó giám đốc, ông X được bổ nhiệm chức danh Giám đốc Sở …": his new post too)
        out.append(_Mention(" ".join(name), titles))
        last = end
    return out, last


_COUNTED_PEOPLE = {exact(w) for w in "cán bộ đồng chí người sĩ quan".split()}


def _counted_list(words: list[_Word], k: int) -> int:
    """(Round 18) Where the names start after a count of people and "gồm" at word *k* ("3 cán bộ gồm: |
    Đại tá A …", "hai đồng chí gồm | …"), or 0."""
    if k >= len(words) or not (words[k].text.isdigit() or words[k].low in _NUMBER_WORDS):
        return 0
    m = k + 1
    while m < len(words) and m <= k + 3 and words[m].low in _COUNTED_PEOPLE and words[m].gap == " ":
        m += 1
    if m == k + 1 or m >= len(words) - 1 or words[m].low != "gồm" or words[m].gap != " ":
        return 0
    return m + 1 if words[m + 1].gap.strip() in ("", ":") else 0


def _term_end(words: list[_Word], j: int) -> int:
    """The word after a post's term that opens at *j* ("nhiệm kỳ 2013-2018"), or *j*."""
    if j + 2 < len(words) and words[j].low == "nhiệm" and words[j + 1].low in ("kỳ", "kì", "kỷ") and words[j + 2].text.isdigit():
        k = j + 3
        while k < len(words) and words[k].text.isdigit() and words[k].gap.strip() in ("-", "–"):
            k += 1
        return k
    return j


def _name_after_comma(words: list[_Word], i: int, j: int) -> int:
    """(Round 7) Where a name starts that follows the title from *i* to *j* after a comma (maybe
    past the title's parent body: "Cục X, | Bộ Y tế, | Nguyễn Văn A"), with no honorific and no
    title of its own after it (the verb, "và" or the sentence's end follows), or 0. Only a title
    of one person: not after "các", not after a bare post (a list of guests: "Bộ trưởng, …")."""
    if _plural_before(words, i) or j - i < 2 or _is_bare_post(words, i, j):
        return 0
    k = j + _parent_after_comma(words, j)
    if k == j and _ministry_after_department(words, i, j):
        k = j + 1 + _body_tail(words, j + 1, stop_at_person=False)  # "Cục X, | Bộ Y tế, | Nguyễn Văn A"
    if k > j and (k >= len(words) or words[k].gap != ", " or words[j].gap.strip() in ("-", "–")):
        return 0  # (a parent body comes after a comma, and a comma after it)
    return _lone_name_at(words, k)


def _lone_name_at(words: list[_Word], k: int) -> int:
    """Where a name starts at *k* (maybe after its holder's degrees: round 16) that no title of its
    own follows (the verb, "và" or the sentence's end does), or 0."""
    if k < len(words) and words[k].gap == ", ":
        k += _degrees_before_name(words, k)  # (round 16) "Giám đốc ĐH Đà Nẵng, GS.TS Trần Văn Nam đã …"
    if k >= len(words) or words[k].text not in SURNAMES or _province_at(words, k) or _country_at(words, k):
        return 0
    n = _name_run(words, k)
    if not 2 <= n <= 4 or not all(words[m].gap == " " for m in range(k + 1, k + n)):
        return 0
    after = k + n
    if after < len(words) and not (
        words[after].gap == " " and (words[after].text.islower() or words[after].low == "và")
        or any(c in words[after].gap for c in ".!?:")
    ):
        return 0  # ("…, Nguyễn Văn A, Giám đốc …": a list, each with their own)
    return k


def _degrees_before_name(words: list[_Word], k: int) -> int:
    """(Round 16) How many words from *k* are a person's degrees before their name ("GS.TS", "PGS-TS",
    "TS."), or 0."""
    n = 0
    while k + n < len(words) and n < 3 and words[k + n].low in _DEGREES and words[k + n].text.isupper() and (
        n == 0 or words[k + n].gap.strip() in (".", "-", "")
    ):
        n += 1
    return n if n and k + n < len(words) and words[k + n].gap.strip() in ("", ".") else 0


def _ministry_after_department(words: list[_Word], i: int, j: int) -> bool:
    """Whether a ministry follows, after a comma, the title from *i* to *j* of one of its departments."""
    return j < len(words) and words[j].text == "Bộ" and words[j].gap == ", " and any(w.low == "cục" for w in words[i:j])


def _is_bare_post(words: list[_Word], i: int, j: int) -> bool:
    """Whether the words from *i* to *j* are a post alone, with no body ("Bộ trưởng", "Phó Chủ tịch")."""
    return _post_at(words, i)[0] >= j - i


def _comrades_before(words: list[_Word], i: int) -> bool:
    """Whether "các đồng chí" (or "các ông", "các bà") comes right before the post at *i*."""
    return i >= 2 and words[i].gap == " " and (
        (i >= 3 and (words[i - 3].low, words[i - 2].low, words[i - 1].low) == ("các", "đồng", "chí"))
        or (words[i - 2].low == "các" and words[i - 1].low in ("ông", "bà"))
    )


def _list_with_posts(text: str, words: list[_Word], k: int) -> list[tuple[int, int, list[str], int]]:
    """(Round 7) The people listed from word *k*, each maybe with their own titles after a dash
    or a comma, separated by commas or semicolons ("A - Phó Thủ tướng; B - Trưởng ban Dân vận
    Trung ương", "A, B và C"): (name's start, end, own titles, the word after them). The list ends
    at the sentence's end or at a word that opens no name (the next post: "Các đồng chí Ủy viên …:")."""
    out = []
    while k < len(words) and len(out) < 30:
        n = _name_run(words, k)
        name = _parts(words, k, k + n)
        if n < 2 or not _good_name(name) or _post_at(words, k)[0]:
            break
        own, end = _titles_span(text, words, k + n)
        if not _plausible(name, bool(own)):
            break  # (round 9: a pen name with its own posts after it is a person: "…: Thuận Hữu, Tổng Biên tập …")
        if not own:
            end = k + n
        out.append((k, k + n, own, end))
        k = end
        if k >= len(words) or any(c in words[k].gap for c in ".!?\n"):
            break
        if words[k].gap.strip() in (",", ";") or (words[k].low == "và" and words[k].gap == " "):
            k += 1 if words[k].low == "và" else 0
            continue
        break
    return out


def _among(words: list[_Word], i: int) -> bool:
    """Whether the post at *i* is counted out "among" several: "Trong số 6 | phó giám đốc sở"."""
    return i >= 3 and words[i - 3].low == "trong" and words[i - 2].low == "số" and (
        words[i - 1].text.isdigit() or words[i - 1].low in ("các", "những", "hai", "ba", "bốn", "năm", "sáu")
    )


def _demonstrative_end(words: list[_Word], j: int) -> int:
    """The word after a title's demonstrative ("… sở | này", "đó", "trên"), or *j* if none."""
    return j + 1 if j < len(words) and words[j].gap == " " and words[j].low in ("này", "đó", "trên", "kể") else j


def _honoured_in_sentence(words: list[_Word], k: int) -> list[tuple[int, int]]:
    """(start, end) of each name an honorific ("ông", "bà") opens from word *k* to the end of its
    sentence (semicolons do not end it), at most six."""
    out = []
    while k < len(words) and len(out) < 6:
        if k > 0 and ("." in words[k].gap or "\n" in words[k].gap or "!" in words[k].gap or "?" in words[k].gap):
            break
        if words[k].low in ("ông", "bà") and k + 1 < len(words) and _joined(words, k + 1):
            n = _name_run(words, k + 1)
            name = _parts(words, k + 1, k + 1 + n)
            if n >= 2 and _good_name(name) and _plausible(name, False):
                out.append((k + 1, k + 1 + n))
                k += 1 + n
                continue
        k += 1
    return out


def _linked_to_name_before(words: list[_Word], i: int) -> bool:
    """Whether the post at *i* follows a link from a name right before it ("ông A làm | Bộ
    trưởng", "ông A là | Giám đốc", "người kiêm vị trí | Cục trưởng"): it is that person's
    ("khi còn là | Chủ tịch nước, ông X": no name before the link, the post is X's)."""
    if i >= 3 and (words[i - 2].low, words[i - 1].low) == ("vị", "trí") and words[i - 3].low in ("kiêm", "giữ"):
        return True
    return i >= 2 and words[i - 1].low in ("làm", "là", "kiêm") and words[i - 2].is_cap


def _list_of_people(words: list[_Word], k: int, one: bool, ranks: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the names from word *k*: one, or a list joined by commas and "và",
    each name maybe followed by its year of birth or an aside in brackets ("A (SN 1958, trú
    tại thôn B), C (SN 1960)"), each maybe after an honorific ("ông A và ông B") or, with
    *ranks*, a rank ("Đại tá A (…), thượng tá B (…)")."""
    out = []
    while k < len(words):
        if ranks and words[k].low in ("ông", "bà") and k + 1 < len(words):
            k += 1
        elif ranks and (rank := _post_at(words, k))[1] and k + rank[0] < len(words) and _joined(words, k + rank[0]):
            k += rank[0]
        n = _name_run(words, k)
        name = _parts(words, k, k + n)
        if n < 2 or not _good_name(name) or not _plausible(name, False):
            break
        out.append((k, k + n))
        k += n
        if one or k >= len(words):
            break
        if words[k].gap.strip() == "(" and (age := _age_at(words, k) or _aside_at(words, k) or (
            int(ranks and _post_at(words, k)[0] > 0)  # (round 18) "Đại tá A (phó giám đốc Công an tỉnh B), …"
        )):
            k += age  # to the bracket's end: "(SN 1958, trú tại thôn Hoành)"
            while k < len(words) and ")" not in words[k].gap and k - out[-1][1] < 15:
                k += 1
            if k >= len(words) or words[k].gap.strip() not in ("),", ") và", ")"):
                break
            if words[k].gap.strip() == ")" and words[k].low != "và":
                break
        if words[k].gap.strip() in (",", "),") and words[k].low in ("ông", "bà") and k + 1 < len(words):
            k += 1  # "ông A, ông B"
            continue
        if words[k].gap.strip() in (",", "),") and (words[k].is_cap or (ranks and _post_at(words, k)[1])):
            continue
        if words[k].low == "và" and words[k].gap.strip() in ("", ")") and k + 1 < len(words):
            k += 1 + (1 if words[k + 1].low in ("ông", "bà") and not ranks else 0)
            continue
        break
    return out


# What opens a list of people right after a post: "nguyên Ủy viên Trung ương như các ông A, B",
# "Phó Giám đốc Sở này gồm ông A và ông B", "Chủ tịch xã gồm các bà A, B".
_LIST_LEADS = [tuple(p.split()) for p in (
    "như các ông", "như các bà", "như ông", "như bà", "gồm các ông", "gồm các bà", "gồm ông", "gồm bà",
    "là các ông", "là các bà", "này gồm ông", "này gồm bà", "này gồm các ông", "này gồm các bà", "này là ông", "này là bà",
)]


def _list_lead(words: list[_Word], j: int) -> int:
    """Length of the words at *j* that open a list of people after a post (:data:`_LIST_LEADS`), or 0."""
    if words[j].low not in ("như", "gồm", "là", "này"):
        return 0
    for lead in _LIST_LEADS:
        n = len(lead)
        if tuple(w.low for w in words[j:j + n]) == lead and all(w.gap == " " for w in words[j:j + n]):
            return n if j + n < len(words) and words[j + n].gap == " " else 0
    return 0


_DISCIPLINE = {exact(w) for w in "nhiệm chức luật chỉ động chuyển bãi".split()}
_DISCIPLINE_PAIRS = {
    tuple(exact(w) for w in p.split())
    for p in "bổ nhiệm|miễn nhiệm|bãi nhiệm|cách chức|kỷ luật|đình chỉ|điều động|luân chuyển|cảnh cáo|khiển trách|giữ chức".split("|")
}


def _appointment_before(words: list[_Word], i: int) -> bool:
    """Whether an appointment or a discipline is named before word *i* in its sentence."""
    for k in range(i - 1, max(0, i - 15), -1):
        if (words[k - 1].low, words[k].low) in _DISCIPLINE_PAIRS:
            return True
        if "." in words[k].gap:
            return False
    return False


_APPOINTED = {("giữ", "chức"), ("chức", "vụ"), ("bầu", "làm"), ("nhiệm", "làm"), ("bổ", "nhiệm"), ("được", "bầu")}


_DEGREES = {exact(w) for w in "ts bs gs pgs ths ck1 ck2 ck ks ls nsnd nsưt thạc tiến sĩ sư luật".split()}


def _honoured(words: list[_Word], i: int) -> bool:
    """Whether an honorific or a degree stands right before word *i* ("ông", "đồng chí", "TS.")."""
    return i > 0 and (
        words[i - 1].low in _HONORIFIC_WORDS or words[i - 1].low in _DEGREES
        or (i > 1 and (words[i - 2].low, words[i - 1].low) == ("đồng", "chí"))
    )


def _appointed_before(words: list[_Word], i: int) -> bool:
    if i < 2 or (words[i - 2].low, words[i - 1].low) not in _APPOINTED:
        return False
    if (words[i - 2].low, words[i - 1].low) != ("bổ", "nhiệm"):
        return True
    # (round 12) "X được bổ nhiệm Thứ trưởng" is X's new post; "X ký quyết định bổ nhiệm Thứ trưởng" is
    # someone else's, appointed by X: the post is the named person's only when "được" comes before
    return any(w.low == "được" for w in words[max(0, i - 6):i - 2]) and not any(
        "." in w.gap or "\n" in w.gap for w in words[max(0, i - 5):i - 1]
    )


def _passive_agent(words: list[_Word], start: int) -> bool:
    """(Round 19) Whether the name at word *start* is the agent of a passive ("ông Q được bà X, khi còn
    Chủ tịch UBND tỉnh, ký quyết định bổ nhiệm làm Giám đốc Sở"): the post appointed to is Q's, not X's."""
    k = start - 1 if start > 0 and words[start - 1].low in ("ông", "bà", "anh", "chị") else start
    return k > 0 and words[k - 1].low in ("được", "bị", "bởi")


def _other_short_name(words: list[_Word], start: int, i: int, name: str) -> bool:
    """(Round 18) Whether someone else, named short with an honorific, stands right before the link
    to the post at word *i*: "ông Cầm Bá Thể … thông tin, Chi bộ Khoa Sản nơi | ông Minh giữ chức |
    Bí thư Chi bộ" is Minh's post, not Thể's (the person named last in full, *name*)."""
    parts = set(name.split())
    for k in range(max(start, i - 5), i - 2):
        if words[k].low in _HONORIFIC_WORDS and words[k + 1].is_cap and _joined(words, k + 1) and (
            words[k + 1].text not in parts and words[k + 1].text.title() not in parts
        ):
            return True
    return False


def _addressed(words: list[_Word], end: int) -> bool:
    """(Round 13) Whether the person named last, before word *end*, is the one something is
    presented or sent to ("trình Quốc thư lên Chủ tịch nước X nhân dịp được bổ nhiệm làm Đại
    sứ": the ambassadors are appointed, not X): "lên", "tới" right before a post and the name."""
    return any(
        words[k].low in _TO and _post_at(words, k + 1)[0] for k in range(max(0, end - 12), end - 2)
    )


_TO = {exact("lên"), exact("tới")}


def _for_whom(words: list[_Word], end: int) -> bool:
    """(Round 13) Whether the post ending before word *end* is said of someone named after it:
    "quyết định hủy bỏ chức vụ Phó Trưởng phòng Tài chính | đối với ông Hà" (Hà's post, not the
    post of the one who reports it)."""
    for k in range(end, min(end + 4, len(words) - 1)):
        if k > end and words[k].gap.strip(" -–"):
            return False  # a comma or a stop: the post's phrase has ended
        if (words[k].low, words[k + 1].low) == _FOR and words[k + 1].gap == " ":
            return True
    return False


_FOR = (exact("đối"), exact("với"))


def _same_sentence(words: list[_Word], start: int, end: int) -> bool:
    return 0 < end - start <= 30 and not any(
        ("." in words[k].gap and not (words[k].gap in (".", ". ") and k > 0 and words[k - 1].text in _ABBREVIATED))
        or "\n" in words[k].gap for k in range(start, end + 1) if k < len(words)
    )  # (round 19: "TP.HCM", "TP. Hà Nội" end no sentence)


def _run_reaches(words: list[_Word], k: int, j: int) -> bool:
    """Whether the capitalised run at *k* runs to the tail end *j* or past it."""
    return k + _name_run(words, k) >= j


@dataclass(frozen=True)
class CuratedPerson:
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Curated:
    """A hand-kept list of officials (``data/officials.csv``): columns name, aliases, titles.

    It corrects and adds where the rules can't: an extracted name that is one of a
    person's aliases becomes their name, and a listed person whose name or alias the
    article holds is added even without a title nearby (with those of their listed
    titles that the article holds). Aliases and titles are separated by ``;``.
    """

    people: tuple[CuratedPerson, ...] = ()
    digest: str = ""
    by_key: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def load(cls, path: Path) -> Curated:
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise TimtinError(f"{path}: cannot read the officials list ({err.strerror})") from None
        try:
            reader = csv.DictReader(raw.decode("utf-8-sig").splitlines())
            rows = list(reader)
        except UnicodeDecodeError:
            raise TimtinError(f"{path}: the officials list is not UTF-8; re-save it as UTF-8") from None
        if raw.strip() and not {"name", "aliases", "titles"} <= set(reader.fieldnames or ()):
            raise TimtinError(f"{path}:1: expected the columns name,aliases,titles")
        people = []
        for lineno, row in enumerate(rows, start=2):
            if None in row or not {"name", "aliases", "titles"} <= set(row):
                raise TimtinError(f"{path}:{lineno}: expected the columns name,aliases,titles")
            name = clean(row["name"] or "").strip()
            if not name:
                raise TimtinError(f"{path}:{lineno}: empty name; give the person's full name")
            split = lambda value: tuple(v for v in (clean(x).strip() for x in (value or "").split(";")) if v)
            people.append(CuratedPerson(canonical_name(name), split(row["aliases"]), split(row["titles"])))
        return cls.of(people, hashlib.sha1(raw).hexdigest())

    @classmethod
    def of(cls, people, digest: str = "") -> Curated:
        by_key = {}
        for person in people:
            for spelling in (person.name, *person.aliases):
                by_key[name_key(spelling)] = person
        return cls(tuple(people), digest, by_key)


def _trie_pattern(phrases: set[str]) -> str:
    """One regular expression for *phrases*, as a trie: far faster than an alternation of
    a hundred phrases on long paragraphs."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends else body

    return walk(trie)


_IY_FOLDED = re.compile(r"\b((?:[bdhklmnrstvx]|ph|th|ch|tr|nh|kh|qu))i\b")


def _iy_spellings(phrase: str) -> set[str]:
    """(Round 17) *phrase* (folded, i/y as one: ``thu ki``) as the press may write it: with i or y
    after a consonant (``thu ky``), so that a post written "Thư ký" opens a window."""
    out = {phrase}
    for match in _IY_FOLDED.finditer(phrase):
        out |= {s[: match.end() - 1] + "y" + s[match.end():] for s in out}
    return out


_TRIGGER = re.compile(r"\b" + _trie_pattern(
    {s for seq in _ALL_SEQS for s in _iy_spellings(fold(" ".join(seq)))} | {"pho ban", "pho phong", "pho khoa", "pho cong an"}
) + r"\b")


# Words of a title that name a company, and those that make a company the state's own.
_COMPANY = re.compile(
    r"\b(?:công ty|cty|tập đoàn|tnhh|cổ phần|ctcp|doanh nghiệp|ceo|ngân hàng|xí nghiệp|nhà máy)\b(.*)"
)
_BOARD = re.compile(r"\b(?:hđqt|hội đồng quản trị)\b")
# The brands of the state's own corporations and banks, written as the news writes them: a
# post before one is a state company's ("Tổng giám đốc Vietnam Airlines", "Giám đốc Agribank
# chi nhánh tỉnh X"), and the brand is no foreign name.
STATE_BRANDS = """Agribank|Agibank|Vietcombank|VietinBank|Vietinbank|BIDV|Sabeco|Habeco|Vietnam Airlines|
Viettel|VNPT|MobiFone|Mobifone|VinaPhone|Vinaphone|Petrolimex|PetroVietnam|Petrovietnam|Vinacomin|Vinachem|
Vinafood|Vinatex|Vinalines|Vinashin|Vicem|Vietsovpetro|Vietnam Post|VNPost|Vinaincon|Vinaconex|Satra|
Vissan|Genco|EVNGENCO|VEAM|Lilama|Vimico|Vinataba|Vietfracht|Saigontourist|SCIC|VNA|ACV|VATM"""
_STATE_BRAND_RE = re.compile(r"\b(?:" + "|".join(re.escape(b.lower()) for b in STATE_BRANDS.replace("\n", "").split("|")) + r")\b")
_STATE_BRAND_WORDS = {w for b in STATE_BRANDS.replace("\n", "").split("|") for w in b.split()} - {"Vietnam", "Post"}
_STATE_OWNED = re.compile(
    r"nhà nước|điện lực|\bevn|viettel|vnpt|vietcombank|agribank|bidv|vietinbank|petrovietnam|\bpvn|dầu khí|"
    r"\bthan\b|khoáng sản|vinacomin|xổ số|bưu điện|bưu chính|mobifone|tổng công ty|đường sắt|cấp nước|thoát nước|"
    r"đô thị|thủy lợi|thuỷ lợi|lâm nghiệp|lâm trường|xăng dầu|petrolimex|\bmtv\b|một thành viên|tập đoàn [^,]*việt nam|"
    r"công ích|quốc phòng|quân đội|công an|bảo việt|vinafood|vinatex|vinalines|vinashin|chính sách xã hội|"
    r"đầu tư và phát triển|nông nghiệp và phát triển|ngân hàng phát triển|ngân hàng công thương|csxh|nhnn|"
    # the state's industries: power plants and grids, airlines and airports, buses, lighting
    r"nhiệt điện|thủy điện|thuỷ điện|phát điện|lương thực|truyền tải điện|hàng không|cảng hàng không|xe buýt|chiếu sáng|"
    r"cây xanh|môi trường đô thị|giao dịch chứng khoán|lưu ký chứng khoán|vận tải hành khách công cộng|"
    r"\b[xz]\s?\d{2,3}\b|"  # the army's factories: "Nhà máy X51", "Nhà máy Z111"
    + "|".join(re.escape(b.lower()) for b in STATE_BRANDS.replace("\n", "").split("|"))
)
_VN_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


@lru_cache(maxsize=65536)
def _private(title: str) -> bool:
    """Whether *title* is a post in a private company: ``Giám đốc Công ty TNHH Media 24h``,
    ``Chủ tịch Tập đoàn Thành Thành Công``, ``Tổng giám đốc Coteccons`` (a brand that is no
    Vietnamese word). A bare ``Giám đốc công ty`` is one too (which company is not said); state companies are not
    (``Công ty Điện lực``, ``Tập đoàn Hóa chất Việt Nam``, one-member state companies)."""
    low = title.lower()
    if (hit := _NOT_PUBLIC.search(low)) and not (hit.group().startswith("giám đốc") and _STATE_BRAND_RE.search(low)) and not (
        hit.group() == "tư nhân" and "quản lý" in low[:hit.start()]  # (round 16) "Trưởng phòng Quản lý hành nghề y
    ):  # dược tư nhân": a state office that oversees the private sector
        return True  # (but "Giám đốc Điều hành Vinatex" is a state company's executive)
    if re.match(r"(?:phó |nguyên |quyền )?bí thư đảng (?:ủy|uỷ) khối", low):
        return False  # "Bí thư Đảng ủy Khối Doanh nghiệp tỉnh": a Party committee, not a business
    if "kinh doanh" in low and not re.search(r"nhà nước|đăng ký kinh doanh", low):
        return True  # "trưởng phòng kinh doanh", "Xí nghiệp kinh doanh …": a business's post
    if re.search(r"\b(?:tnhh|trách nhiệm hữu hạn|cổ phần|ctcp|cty cp|công ty cp)\b", low) and not re.search(
        r"\bmtv\b|một thành viên|điện lực|nhà nước|tổng công ty", low
    ):
        return True  # a limited or joint-stock company, not one of the state's one-member companies
    if _private_association(title):
        return True
    if _STATE_OWNED.search(low):
        # a state company's board and brand are the state's: "Chủ tịch HĐQT Tổng công ty …"
        return False
    if _MIXED_CASE.search(title):
        return True  # "Trưởng phòng An toàn thông tin VCCorp"
    if _brand_after_post(title) or _unknown_body_after_post(title):
        return True
    branch = re.search(r"\bchi nhánh ([A-ZĐ]{2,})\b", title, re.IGNORECASE)
    if branch and branch.group(1).isupper() and branch.group(1) not in _PUBLIC_ACRONYMS:
        return True  # "Giám đốc Chi nhánh PNJ": a company's branch
    company = _COMPANY.search(low)
    if company and company.group().startswith("doanh nghiệp") and _STATE_OFFICE_FOR_BUSINESS.search(low) and not (
        _COMPANY.search(low[:company.start()] + low[company.start() + len("doanh nghiệp"):]) or _BOARD.search(low)
    ):
        return False  # (round 18) "Phó Vụ trưởng Ban Đổi mới doanh nghiệp", "Cục Phát triển doanh nghiệp": a state
        # office about businesses, no business
    if company or _BOARD.search(low):
        return True  # a company not said to be the state's, even unnamed ("Giám đốc Công ty"): leave it out
    return False


_STATE_OFFICE_FOR_BUSINESS = re.compile(r"\b(?:vụ|cục|ban|phòng|sở|bộ|ủy ban|uỷ ban) [^,]*\bdoanh nghiệp\b")


# Posts of bodies that are not public: associations of businesses, family councils, honorary
# "ambassadors" of tourism.
_NOT_PUBLIC = re.compile(
    r"hiệp hội|hội đồng trị sự|đại sứ (?:du lịch|thiện chí|thương hiệu|hình ảnh|nhân ái|môi trường|thời trang|thể thao)"
    r"|hội doanh nhân|câu lạc bộ|\bclb\b|corporation|\bgroup\b|hoa hậu|chi hội|trọng tài|đoàn du lịch"
    r"|chỉ huy trưởng (?:công trình|công trường|thi công)"  # (round 10) a contractor's site commander
    r"|nhà hàng|bộ phận|dân lập|tư thục|tư nhân|cấp cao|tổ trưởng (?:tổ )?sản xuất|văn phòng luật|công ty luật|(?<!ủy )(?<!uỷ )\bkhối\b|gia tộc|dòng họ|^(?:phó )?(?:tổng )?giám đốc ngân hàng$"
    r"|giám đốc (?:âm nhạc|sản xuất|kinh doanh|điều hành|"
    r"marketing|sáng tạo|nghệ thuật|bán hàng)"
    # a cooperative group of fishermen or farmers, sports federations: no public post (the labelling
    # guide's "who is an official"; a cooperative's director stays: the written set counts "Giám đốc Hợp tác xã")
    # (round 8) a guild (fishermen's, lawyers'), the international football federations, the music
    # copyright centre of a professional association (VCPMC), an estate agent's "Trung tâm Bất động sản X"
    r"|nghiệp đoàn|\b(?:aff|afc|fifa|uefa|vcpmc)\b|bảo vệ quyền tác giả|trung tâm (?:môi giới |giao dịch )?bất động sản"
    r"|trưởng đoàn (?:đội tuyển |đt |tuyển )?u ?\d{2}\b"  # (round 8) a youth football team's leader: the federation's
    # (round 13) UNESCO's clubs and centres in Việt Nam (associations, not the UN body), a history
    # society, a fireworks team, private groups with Vietnamese names after a post or their legal form
    r"|(?:trung tâm|câu lạc bộ|hội|hiệp hội|liên hiệp các hội) unesco\b|hội khoa học lịch sử|đội pháo hoa"
    r"|(?:tập đoàn|công ty|chủ tịch|tổng giám đốc|giám đốc|hđqt) (?:him lam|hòa phát|hoà phát|đất xanh|tân hoàng minh"
    r"|mường thanh|trung nguyên)\b"
    r"|tổ hợp tác|\bvff\b|liên đoàn (?:bóng|quần vợt|cầu lông|điền kinh|bơi|cờ|võ|thể thao|xe đạp|golf|futsal|mô tô|ô tô)"
    # private hospitals and universities the news names
    # (not "Trường" alone: a public school may share a private university's name, "Trường THCS Văn Lang")
    r"|(?:bệnh viện|\bbv|đại học|\bđh|học viện|hệ thống y tế) (?:đa khoa )?(?:quốc tế )?(?:vinmec|phenikaa\w*|fv\b|hồng ngọc|tâm anh|"
    r"thu cúc|hoàn mỹ|sài gòn[ -]ito|an việt|việt pháp|medlatec|văn lang|hoa sen|hồng bàng|rmit|fpt|duy tân|văn hiến|hutech|uef\b|tân tạo|lạc hồng|"
    r"đại nam|phương đông|kinh tế - tài chính|hùng vương (?:tp\.? ?hcm|thành phố hồ chí minh))|\buef\b"
)
# Associations a public post is held in: the Front's mass organisations and the associations
# the state funds as its own (the labelling guide's "who is an official"); any other "Hội" (a trade's, a hobby's,
# a profession's) is no public body: "Chủ tịch Hội Tư vấn thuế", "Hội Bảo vệ thiên nhiên".
_PUBLIC_ASSOCIATIONS = {exact(w) for w in """nông liên lhpn phụ cựu ccb chữ ctđ luật nhà người khuyến lhtn sinh văn
    nạn đông kiến nghệ mỹ âm điện sân hữu làm y khoa cứu nữ thanh vhnt lhvhnt nd trường""".split()}
# A brand written in mixed case, which no Vietnamese word nor public body is: "VCCorp", "PhenikaaMec".
_MIXED_CASE = re.compile(r"\b(?!ThS\b|TpHCM\b|TPHcm\b)(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]{2,}[A-Za-z]*)\b")


def _private_association(title: str) -> bool:
    """Whether the title's body is an association that holds no public post: "Hội" then a
    word not of the Front's mass organisations nor the state's own associations."""
    words = _words(title)
    for k in range(1, len(words) - 1):
        if words[k].text == "Hội" and words[k].gap == " " and _joined(words, k + 1) and (
            not words[k - 1].is_cap or words[k - 1].low == "trực"  # ("xã Tân Hội": a place)
        ) and words[k + 1].low not in ("đồng", "nghị", "an", "nhập") and words[k + 1].low not in _PUBLIC_ASSOCIATIONS:
            return True
        if words[k].text == "Hội" and k + 1 < len(words) and words[k - 1].low != "các" and (
            tuple(x.low for x in words[k + 1:k + 4]) in _SCIENCE_SOCIETY or words[k + 1].text == "KHKT"
        ):
            return True  # (round 9) "Phó chủ tịch Hội Khoa học kỹ thuật Công nghiệp tàu thủy": a learned
            # society of engineers, no public post (the union of such societies, "Liên hiệp các Hội …", aside)
    return False


_SCIENCE_SOCIETY = {tuple(exact(w) for w in p.split()) for p in ("khoa học kỹ", "khoa học kĩ", "khoa học và")}


# Acronyms a head of a public body is written with ("Giám đốc BHXH", "Chủ tịch UBND"); any other
# acronym right after "Giám đốc" or "Chủ tịch" is taken for a company's ("Chủ tịch FPT").
_PUBLIC_ACRONYMS = set(
    """UBND HĐND MTTQ LĐLĐ UB UBTƯ UBMTTQ UBMTTQVN TƯ TW TP QH CĐ HĐTV BHXH BV BVĐK TTXVN PVN PVC PVTEX
    VNPT VNR TEDI TKV KBNN SCIC VAMC BQL BQLDA TT TTYT CDC NXB ĐH ĐHQG CPMB VDB BSR VOV VTV GTVT NHNN
    NHCSXH FBI CIA NASA SOM SFOM TQ HNV CPP UNND ỦBND UBDN UBNDTP CAND TAND VKSND BCH BTV VKS CA CSGT
    PCCC HTX BAN SỞ CÔNG TRUNG BỆNH ỦY UỶ HỘI NHNNVN ĐHĐN ĐHQGHN VNA VTC""".split()
)
_PUBLIC_ACRONYM_STARTS = ("EVN", "PV", "T.Ư", "TP.", "UB")
# What a director's ("Giám đốc", "Tổng giám đốc") public body starts with: "Giám đốc Sở",
# "Giám đốc Trung tâm", "Giám đốc Công an"; a company's goes to the company rules.
_DIRECTOR_HEADS = set(
    """sở trung bệnh cục ban bảo tổng đài khu nhà học chi cảng cảnh đại thông văn cơ phòng thư điện
    viện vườn hợp dự quỹ kho trường thường viễn đường xổ bưu hải sân trạm vùng quân tập ngân cty bv
    liên làng bến phụ""".split()
)
_COMPANY_SECOND = {"an", "ty", "ti", "viên", "đoàn", "trình"}  # "Công an", "Công ty", "Công viên", "Công đoàn"


def _unknown_body_after_post(title: str) -> bool:
    """Whether the body after "Giám đốc" or "Chủ tịch" is none a public post is held in: an
    acronym not known as a public body's ("Chủ tịch FPT"), or, for a director, a body that
    starts with no public body's word ("Giám đốc Địa ốc …", "Giám đốc Công nghệ", "Giám đốc
    cấp cao"). Where it cannot tell, the facet leaves the person out."""
    words = _words(title)
    k = 0
    while k < len(words) and words[k].low in _PREFIXES:
        k += 1
    n, _ = _post_at(words, k)
    if not n or k + n >= len(words):
        return False
    post = tuple(w.low for w in words[k:k + n])
    if k + n + 1 < len(words) and words[k + n].low == "của":
        n += 1  # "chủ tịch của VIFW": the body after "của"
    while post and post[0] in _PREFIXES:
        post = post[1:]
    director = post in (("giám", "đốc"), ("tổng", "giám", "đốc"), ("gđ",), ("pgđ",), ("tgđ",), ("ptgđ",))
    if not director and post != ("chủ", "tịch"):
        return False
    after = words[k + n]
    text = after.text
    if len(text) >= 2 and text.isupper() and any(c.isalpha() for c in text):
        return text not in _PUBLIC_ACRONYMS and not text.startswith(_PUBLIC_ACRONYM_STARTS) and not _COUNTRY_IN.fullmatch(text)
    if not director:
        return False
    if after.low == "công":
        return k + n + 1 >= len(words) or words[k + n + 1].low not in _COMPANY_SECOND
    return after.low not in _DIRECTOR_HEADS and not _COUNTRY_IN.fullmatch(text)


def _brand_after_post(title: str) -> bool:
    """Whether a foreign brand follows the post: "Tổng giám đốc Ford Việt Nam", "Giám đốc Coteccons"."""
    words = _words(title)
    n, _ = _post_at(words, 0)
    after = words[n].text if 0 < n < len(words) else ""
    return bool(after) and after[:1].isupper() and not after.isupper() and after.isascii() and not (
        _VN_SYLLABLE.fullmatch(after.lower()) or _COUNTRY_IN.fullmatch(after) or (n + 1 == len(words) and _demonym(after))
        or _COUNTRY_IN.fullmatch(title[words[n].start:])  # (round 15) "Thủ tướng New Zealand", "Thị trưởng Los Angeles"
        or exact(after) in _LEVELS  # (round 13) "Chủ tịch UBND Tp. Cần Thơ": a city written "Tp"
    )


_FOREIGN_POSTS = re.compile(
    r"tổng thống|thủ tướng|bộ trưởng|ngoại trưởng|đại sứ|thống đốc|thị trưởng|tổng thư ký|phát ngôn|"
    r"chủ tịch nước|quốc hội|thẩm phán|thủ hiến|nghị sĩ|quốc vương|chính phủ|liên hợp quốc|tướng|"
    r"bộ |tòa|toà|quân|cảnh sát|tỉnh|bang|tư lệnh"
)
_COUNTRY_IN = re.compile(r"\b(?:" + "|".join(
    re.escape(c.strip()).replace("\\ ", "[ -]") for c in COUNTRIES.split("|")  # (round 19) "Timor-Leste"
) + r")\b")


_EXECUTIVE = {tuple(exact(w) for w in p.split()) for p in (
    "giám đốc|tổng giám đốc|chủ tịch|trưởng phòng|trưởng ban|thư ký|tổng thư ký|đội trưởng|tổ trưởng|"
    "trưởng đoàn|chủ nhiệm|trưởng trạm|trạm trưởng|trưởng khoa|chủ tịch hội đồng|chủ tịch hội|kế toán trưởng|"
    "trưởng đại diện|gđ|pgđ|tgđ|ptgđ|đội phó|tổ phó|trưởng đơn vị".split("|"))}


# (Round 7) Posts of bodies that are neither the state's nor its mass organisations', but that the
# labels keep beside a public post of the same person (a deputy who chairs the bar): a lawyers' bar,
# a church, a sports federation's council; a contractor's site director and a guard team's leader
# too. Alone, they make no official (facet seeds 40 and 47).
_BESIDE_PUBLIC = re.compile(
    r"đoàn (?:luật sư|ls\b)|giáo hội|hội đồng (?:huấn luyện viên|hlv\b)|giám đốc công trình|tổ trưởng tổ bảo vệ"
)


@lru_cache(maxsize=16384)
def _bare_executive(title: str) -> bool:
    """Whether *title* is a bare executive post (``Giám đốc``, ``Phó chủ tịch``), which a private
    company has as well as a public body."""
    words = [w.low for w in _words(title)]
    while words and words[0] in _PREFIXES:
        words = words[1:]
    return tuple(words) in _EXECUTIVE


@lru_cache(maxsize=4096)
def _bare_chair(title: str) -> bool:
    """Whether *title* is ``Chủ tịch`` or ``Phó Chủ tịch`` alone (with ``nguyên``, ``quyền``...)."""
    words = [w.low for w in _words(title)]
    while words and words[0] in _PREFIXES:
        words = words[1:]
    return words == ["chủ", "tịch"]


_COMMITTEE = re.compile(r"\b(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban Nhân dân|Hội đồng nhân dân)\b")


def _committees_only(texts: list[str]) -> bool:
    """Whether an article names a People's Committee or Council and no company, bank or
    association: its bare ``Phó chủ tịch`` is the committee's."""
    text = " ".join(texts)
    return bool(_COMMITTEE.search(text)) and not _COMPANY.search(text.lower()) and not re.search(
        r"\b(?:hđqt|hội đồng quản trị|hiệp hội|hội [a-zđ]|liên đoàn|câu lạc bộ|clb)\b", text.lower()
    )


_BARE_BOARD = re.compile(
    r"^(?:(?:phó )?chủ tịch|(?:ủy|uỷ|thành) viên) (?:hđqt|hội đồng quản trị|hđtv|hội đồng thành viên)$"
)


def _bare_board(title: str) -> bool:
    """Whether *title* is a seat on a board with no company named (``Ủy viên HĐQT``), which
    is a state company's only for someone the article names in one."""
    return bool(_BARE_BOARD.match(title.lower()))


def _state_company(title: str) -> bool:
    """Whether *title* is a post in a state company: ``Tổng giám đốc Sabeco``, ``Giám đốc
    Công ty TNHH một thành viên thoát nước``."""
    low = title.lower()
    return bool((_COMPANY.search(low) or _STATE_BRAND_RE.search(low) or "tổng công ty" in low) and not _private(title))


_AND = re.compile(r"\s+và\s+")


# (Round 9) A National Assembly delegation's name in a post's place ("ĐB X, đoàn ĐBQH tỉnh Y"):
# the person is one of its deputies, so the title is the deputy's seat, its province kept.
_DELEGATION = re.compile(r"^[Đđ]oàn (ĐBQH|đại biểu Quốc hội|Đại biểu Quốc hội)\b")


def _delegation_seat(title: str) -> str:
    """(Round 9) "đoàn ĐBQH tỉnh Thái Bình" -> "ĐBQH tỉnh Thái Bình": a delegation's name is no post,
    its member's seat is ("Trưởng đoàn ĐBQH …", a post, is left as it is)."""
    return _DELEGATION.sub(r"\1", title)


def _after_and(title: str) -> str:
    """The last of several posts joined by "và" before a name: "Ủy viên Hội đồng Nhà nước
    Trung Quốc A và Tổng tham mưu trưởng quân đội B" is B's post after the "và" alone."""
    if " và " not in title:
        return title
    parts = _AND.split(title)
    for k in range(len(parts) - 1, 0, -1):
        words = _words(parts[k])
        if _post_at(words, 0)[0] or (len(words) > 1 and words[0].low == "tổng" and _post_at(words, 1)[0]):
            return " và ".join(parts[k:])
    return title


# Honorifics of Cambodia and Malaysia written before a leader's name: "Samdech Hun Sen",
# "Samdech Techo Hun Sen", "Tan Sri Muhyiddin Yassin", "Datuk Seri Najib Razak".
_FOREIGN_HONORIFICS = {"Samdech", "Techo", "Tan", "Sri", "Datuk", "Dato", "Seri", "Tun", "Sheikh", "Ngài"}
_HONORIFIC_OPENERS = {"Samdech", "Datuk", "Dato", "Tun", "Tan", "Sheikh", "Ngài"}  # (round 8: "Sheikh Khalid …";
# round 17: "Tổng thư ký LHQ Ngài Antonio Guterres", the Vietnamese "Excellency" before a foreign name)


def _without_honorific(name: str) -> str:
    """*name* without a foreign honorific before it, keeping at least two words."""
    parts = name.split()
    if parts and parts[0] in _HONORIFIC_OPENERS and (parts[0] != "Tan" or parts[1:2] == ["Sri"]):
        while parts and parts[0] in _FOREIGN_HONORIFICS:
            parts = parts[1:]
    return " ".join(parts) if len(parts) >= 2 else name  # ("Tan Sri Aseh": one word left, kept whole)


def _foreign_name(name: str) -> bool:
    """Whether *name* is written in a foreign way (``Brad Smith``): a part that is plain ASCII
    and no Vietnamese syllable, or (round 16) Vietnamese syllables joined by hyphens (``Vo-la-chít``)."""
    parts = name.split()
    return any((p.isascii() and not _VN_SYLLABLE.fullmatch(p.lower())) or ("-" in p and _transliterated(p)) for p in parts) or (
        # (round 18) a Spanish or French accent on a foreign name: "José Rodríguez" (no Vietnamese syllable once
        # the accents are dropped), unless a part is Vietnamese ("Điểu Kré" of Tây Nguyên)
        not name.isascii() and all(p.isascii() or _accented_foreign(p) for p in parts)
        and parts[0] not in ("Y", "H", "K")  # (a Tây Nguyên name: "Y Kré")
    )


@lru_cache(maxsize=65536)
def _accented_foreign(part: str) -> bool:
    """(Round 18) Whether a name's *part* is a foreign word with accents Vietnamese writes too: "Rodríguez",
    "López", "José" (plain letters once the accents are dropped, and no Vietnamese syllable)."""
    if part.isascii() or not all(c.isascii() or c in _LATIN_ACCENTS for c in part.lower()):
        return False  # ("Chínhtiếp", "Trumpđề": a Vietnamese word glued on by a missing space; "Bkrông" of Tây Nguyên)
    plain = fold(part).lower()
    return plain.isascii() and plain.isalpha() and not _VN_SYLLABLE.fullmatch(plain) and not any(
        _VN_SYLLABLE.fullmatch(plain[:k]) and _VN_SYLLABLE.fullmatch(plain[k:]) for k in range(2, len(plain) - 1)
    )  # ("Chínhcùng": two Vietnamese syllables, a space missing)


_LATIN_ACCENTS = set("áéíóúàèìòùäëïöüçñ")  # a European name's accents (not "â", "ê", "ô": Vietnamese's own too)


def _transliterated(part: str) -> bool:
    """(Round 16) Whether a name's *part* is a foreign (Lao, Khmer) name written in Vietnamese syllables
    joined by hyphens ("Ya-thò-tu", "Vo-la-chít"): a Vietnamese name never joins its syllables."""
    pieces = part.split("-")
    return len(pieces) >= 2 and part[:1].isupper() and all(x.isalpha() for x in pieces) and all(x.islower() for x in pieces[1:])


_SENTENCE_END = re.compile(r"[.!?…:;]\s+")


def _windows(paragraph: str) -> list[str]:
    """The parts of *paragraph* around its posts: from two sentences before a post to one
    after (a cut at "TP. Hồ Chí Minh" or "GS. TS." must not part a title from its name)."""
    folded_text = fold(paragraph.lower())
    if len(folded_text) != len(paragraph):  # offsets would not match: read it all
        return [paragraph] if _TRIGGER.search(folded_text) else []
    hits = [m.start() for m in _TRIGGER.finditer(folded_text)]
    if not hits:
        return []
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(paragraph)] + [len(paragraph)]
    spans: list[list[int]] = []
    for hit in hits:
        k = bisect.bisect_right(starts, hit) - 1  # the sentence holding the post
        begin, end = starts[max(0, k - 2)], starts[min(len(starts) - 1, k + 2)]
        if spans and begin <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([begin, end])
    return [paragraph[b:e] for b, e in spans]


def _folded_text(texts: list[str]) -> str:
    return " " + " ".join(folded(w) for text in texts for w, _, _ in tokens(clean(text))) + " "


# Football clubs the news names after a post ("người phát ngôn Man United", "Chủ tịch Real Madrid"): a
# club reads as a foreign person's name.
_CLUBS = set("""Man United|Man Utd|Man City|Manchester United|Manchester City|Real Madrid|Atletico Madrid|Bayern Munich|
Inter Milan|AC Milan|Paris Saint-Germain|Borussia Dortmund|Tottenham Hotspur|Aston Villa|Newcastle United|West Ham|
Leeds United|Hoàng Anh Gia Lai|Sông Lam Nghệ An|Becamex Bình Dương|Than Quảng Ninh""".replace("\n", "").split("|"))


# (Round 7) Syllables a name writes with "i" or "y" alike ("Phạm Sĩ Quý" / "Phạm Sỹ Quý" are one man,
# whom the facet showed twice): one spelling, the "y" the labels and most articles use.
_Y_SPELLINGS = {"Sĩ": "Sỹ", "Lí": "Lý", "Kì": "Kỳ", "Mĩ": "Mỹ", "Kĩ": "Kỹ"}


def person_name(name: str) -> str:
    """A person's name as the facet shows it: :func:`indexer.normalize.canonical_name`, and one
    spelling of the syllables written with "i" or "y" alike (:data:`_Y_SPELLINGS`). (Round 18) A
    foreign name keeps the article's own case ("Bashar al-Assad", "Mohammed bin Salman", "McCain"),
    but a part in capitals is capitalised ("DONALD TRUMP": "Donald Trump")."""
    if _foreign_name(clean(name)):
        return " ".join(
            title_case(p) if p.isupper() or (p.islower() and "-" not in p and p not in _NAME_PARTICLES) else p
            for p in (unify_tone(w) for w in clean(name).split())
        )
    name = canonical_name(name)
    if any(s in name for s in _Y_SPELLINGS):
        name = " ".join(_Y_SPELLINGS.get(w, w) for w in name.split(" "))
    return name


_PLACE_LEAD = r"(?:[Tt]hành phố|thị trấn|thị xã|[Cc]ộng hòa|[Cc]ộng hoà|bang|tỉnh|vùng|làng|thủ đô|[Tt]hủ phủ)\s+(?:[A-Z][\w-]*\s+){0,2}"


def _without_place(name: str, texts: list[str]) -> str:
    """(Round 12) A foreign name of three parts or more whose first part the article names as a
    place ("thành phố San Pedro Huamelula", "Cộng hòa Tatarstan") loses it: "Thị trưởng Huamelula
    Victor Aguilar", "Thủ tướng Tatarstan Alexei Pesoshin" name the place, then the person."""
    parts = name.split()
    if len(parts) < 3 or not parts[0].isascii() or not _foreign_name(name):
        return name
    place = re.compile(_PLACE_LEAD + re.escape(parts[0]) + r"\b(?!-|\s+[A-ZĐ])")  # a place's name ends there
    return " ".join(parts[1:]) if any(place.search(t) for t in texts) else name


def extract(article: Article, curated: Curated | None = None) -> tuple[Official, ...]:
    """The officials *article* names, in order of first mention."""
    people: dict[str, tuple[str, list[str], set[str]]] = {}  # key -> name, titles, title keys
    author_key = name_key(article.author) if article.author else None
    texts = [article.title, article.lead or "", article.body, *article.captions]
    found: list[_Mention] = []
    shorts: list[tuple[str, str | None]] = []
    for text in texts:
        for paragraph in clean(text).split("\n"):
            # Most sentences name nobody: only those holding a post are read closely.
            for window in _windows(paragraph):
                m, s = _mentions(window)
                found += m
                shorts += s
    held: list[tuple[str, list[str]]] = []  # (name, titles) that count only for someone found public
    for mention in found:
        titles = [_delegation_seat(_after_and(t)) for t in mention.titles]
        # heads of private companies are not officials (issue #11), nor are others' titles
        titles = [t for t in titles if not _title_names_someone(t)]
        boards = [t for t in titles if _bare_board(t)]
        titles = [t for t in titles if not _private(t)]
        if mention.titles and not titles:
            if boards:
                held.append((mention.name, boards))
            continue
        mention.titles = titles
        if mention.titles and all(_bare_executive(t) or _BESIDE_PUBLIC.search(t.lower()) for t in mention.titles):
            # "ông X, Giám đốc": no body to tell a public post from a private one, unless the
            # article gives X a public post elsewhere ("ông X, Phó Tổng giám đốc" of a state company)
            held.append((mention.name, mention.titles + boards))
            continue
        if mention.name in _CLUBS:
            continue  # (round 7) "người phát ngôn Man United": a football club, no person
        if _foreign_name(mention.name) and not any(
            (_FOREIGN_POSTS.search(t.lower()) or _COUNTRY_IN.search(t) or _demonym(t.rsplit(" ", 1)[-1])) for t in mention.titles
        ):  # (round 14: "Thủ tướng Israeli": a country written as its adjective)
            continue  # "Brad Smith, Giám đốc pháp lý": a foreign name needs a state's post
        name = _without_place(person_name(_without_honorific(mention.name)), texts)
        key = name_key(name)
        if key == author_key:
            continue
        entry = people.setdefault(key, (name, [], set()))
        for title in mention.titles:
            _add_title(entry, title)
    public_chairs: list[bool] = []  # whether a bare "Chủ tịch" here is a People's Committee's, found once
    for name, titles in held:
        entry = people.get(name_key(person_name(name)))
        if entry is None and all(_bare_chair(t) for t in titles):
            if not public_chairs:
                public_chairs.append(_committees_only(texts))
            if public_chairs[0] and canonical_name(name) != canonical_name(article.author or ""):
                entry = people.setdefault(name_key(person_name(name)), (person_name(name), [], set()))
                # ("Theo công văn do Phó chủ tịch X ký" in an article about a People's Committee and no company)
        if entry is not None:
            state_company = any(_state_company(t) for t in entry[1])
            for title in titles:
                if state_company or not _bare_board(title):
                    _add_title(entry, title)
    if len(people) > 1:
        _merge_short_forms(people)
        _one_holder(people, texts)
    if len(people) >= 1:
        _add_career(people, texts)
    by_given: dict[str, list[str]] = {}
    for key, (name, _, _) in people.items():
        by_given.setdefault(name_key(name.split()[-1]), []).append(key)
    for word, title in shorts:
        keys = by_given.get(name_key(person_name(word)), [])
        if len(keys) == 1 and title:
            _add_title(people[keys[0]], title)
    if len(people) > 1:
        _others_names_out(people)
        _short_mentions_merged(people)
        _typos_merged(people, texts)
    for key in [key for key, (name, _, _) in people.items() if _named_place(name, texts)]:
        del people[key]
    for _, titles, keys in people.values():
        if "tướng" in titles and any(t.lower().endswith(" tướng") for t in titles):
            titles.remove("tướng")  # (round 13) "Trung tướng X … tướng X": the rank said in full
            keys.discard("tướng")
    if curated and curated.people:
        people = _apply_curated(people, curated, texts, author_key)
    out = []
    for name, titles, _ in people.values():
        place = person_place(titles, name)
        if place is None and any(_UNNAMED_CITY.search(t) for t in titles):
            place = _central_city(texts, name)  # (round 19) "Phó Chủ tịch UBND Thành phố X": the article's city
        if place is None and _local_post(titles) and not _foreign_name(name):
            place = _province_after_place(texts, titles) or _province_in_sentence(texts, name) or _article_province(
                texts, name
            )
        elif place is None and titles and all(deputy_seat(t) for t in titles) and not _foreign_name(name):
            place = _constituency(texts, name)
        out.append(Official(name, tuple(titles), place))
    return tuple(out)


def deputy_seat(title: str) -> bool:
    """Whether *title* is a deputy's seat and nothing else: ``ĐB``, ``Đại biểu Quốc hội``,
    ``đại biểu Quốc hội tỉnh Ninh Bình``."""
    return bool(_DEPUTY.match(title.strip())) and len(title.split()) <= 8 and "," not in title


_CONSTITUENCY = re.compile(r"\(([^()]{2,20})\)")


def _constituency(texts: list[str], name: str) -> str | None:
    """(Round 8) The province a deputy sits for, as the article writes it in brackets after the
    name (``ĐB Nguyễn Văn A (TP.HCM)``, ``đại biểu B (Đồng Nai)``), when their titles are a deputy's
    seat only: two namesakes, a deputy of one province and a commune's official of another, are
    then two people (:mod:`indexer.people` joins such a place to the person's national posts)."""
    for text in texts:
        at = text.find(name)
        while at >= 0:
            match = _CONSTITUENCY.match(text, at + len(name) + (1 if text[at + len(name):at + len(name) + 1] == " " else 0))
            if match:
                province = _title_place("Chủ tịch UBND " + match.group(1).strip())[0]
                if province:
                    return province
            at = text.find(name, at + len(name))
    return None


# Words of a post held in a province's police or army, or of a district's or a commune's post.
_LOCAL_FORCES = re.compile(r"\b(?:[Cc]ông an|[Cc]ảnh sát|CSGT|CSHS|CSĐT|[Đđ]ồn|[Bb]iên phòng|[Qq]uân sự|[Đđ]ội)\b")


_PROVINCIAL = re.compile(r"\b(?:Sở|Chi cục)\b")  # a province's departments: "Phó Giám đốc Sở GD&ĐT"


def _local_post(titles) -> bool:
    """Whether *titles*, naming no province, hold a post of a province, a district, a commune
    or a town, or of a province's police or army (not a deputy's seat), or are a field
    officer's rank alone: a post in the province the article is about (``Chủ tịch UBND xã Vân
    Xuân``, ``Trưởng Công an huyện Bình Giang``, ``Bí thư Tỉnh ủy``, ``Thiếu tá``)."""
    if any(not _DEPUTY.search(t) and (_LOCAL.search(t) or _LOCAL_FORCES.search(t) or _PROVINCIAL.search(t)) for t in titles):
        return True  # ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy": a province's party secretary)
    return bool(titles) and all(_rank(t) for t in titles)


def _rank(title: str) -> bool:
    """Whether *title* is a field officer's rank alone (``Thiếu tá``, not ``Thượng tướng``:
    generals serve at national level as often as in a province)."""
    return is_rank(title) and not title.lower().endswith("tướng")


@lru_cache(maxsize=4096)
def is_rank(title: str) -> bool:
    """Whether *title* is a rank of the army or the police alone: ``Thiếu tá``, ``Trung tướng``."""
    words = _words(title)
    n, rank = _post_at(words, 0)
    return rank and n == len(words)


def in_forces(title: str) -> bool:
    """Whether *title* is a rank or a post of the police or the army (``Đại tá``, ``Giám đốc
    Công an tỉnh``, ``Chỉ huy trưởng Bộ Chỉ huy Quân sự``)."""
    return is_rank(title) or bool(_LOCAL_FORCES.search(title) or _ARMY.search(title))


# The army's bodies and posts beyond a province's (``_LOCAL_FORCES``): "Quân khu", "Tư lệnh".
_ARMY = re.compile(r"\b(?:[Qq]uân đội|[Qq]uân khu|[Qq]uân đoàn|[Ss]ư đoàn|[Tt]rung đoàn|[Hh]ải quân|[Kk]hông quân"
                   r"|[Bb]ộ đội|[Tt]ư lệnh|[Cc]hính (?:ủy|uỷ)|[Cc]hính trị viên|[Pp]hòng không|[Qq]uốc phòng|CA)\b")


# The name of the district, commune or town a title ends with: "Trưởng Công an huyện | Bình Giang".
_TITLE_LOCALITY = re.compile(r"\b(?:huyện|quận|xã|phường|thị xã|thị trấn|thành phố|TP\.?)\s+((?:[A-ZĐ]\w*\s?){1,3})$")


def _province_after_place(texts: list[str], titles) -> str | None:
    """The province the article names right after the district, commune or town a title
    ends with ("huyện Bình Giang, Hải Dương", "xã Vân Xuân (huyện Vĩnh Tường, Vĩnh Phúc)"):
    within the 60 characters after that place's name, with nothing but an address between,
    at its first mention that has one."""
    for title in titles:
        match = _TITLE_LOCALITY.search(title)
        if not match:
            continue
        locality = match.group(1).strip()
        for text in texts:
            start = text.find(locality)
            while start >= 0:
                after = text[start + len(locality):start + len(locality) + 60]
                stop = re.search(r"[.;:!?]\s", after)
                found = _PROVINCE_RE.search(after[:stop.start()] if stop else after)
                between = [w.strip(",()-–") for w in after[:found.start()].split()] if found else []
                if found and all(not w or w[:1].isupper() or exact(w) in _LEVELS for w in between) and (
                    place := _PROVINCE_OF.get(_unify_tone_words(found.group()))
                ) and place != locality:  # (only an address between: "huyện Bình Giang, tỉnh Hải Dương")
                    return place
                start = text.find(locality, start + len(locality))
    return None


@lru_cache(maxsize=16)
def _province_matches(text: str) -> tuple[tuple[int, int, str, int], ...]:
    """(start, end, province, weight) of each province *text* names, found once per text:
    weight 2 after "tỉnh", "UBND" or "TP" (a province named as one), else 1; a commune named
    like a province ("xã Lạng Sơn") is none."""
    out = []
    for match in _PROVINCE_RE.finditer(text):
        before = text[max(0, match.start() - 12):match.start()].split()
        last = exact(before[-1]) if before else ""
        if last in _COMMUNES | {"huyện", "quận"} and [exact(w) for w in before[-2:]] != ["thành", "phố"]:
            continue
        wider = text[max(0, match.start() - 20):match.start()].split() if before and before[-1] in SURNAMES else ()
        if len(wider) >= 2 and exact(wider[-2]) in _COMMUNES | _STREETS:
            continue  # (round 13) "phường Nguyễn | Thái Bình": a ward named for a person
        place = _PROVINCE_OF.get(_unify_tone_words(match.group()))
        if place:
            out.append((match.start(), match.end(), place, 2 if last in ("tỉnh", "ubnd", "tp") else 1))
    return tuple(out)


def _name_spans(text: str, name: str) -> list[tuple[int, int]]:
    spans, at = [], text.find(name)
    while at >= 0:
        spans.append((at, at + len(name)))
        at = text.find(name, at + len(name))
    return spans


def _outside(start: int, end: int, spans) -> bool:
    return all(end <= a or start >= b for a, b in spans)  # (not in the name: "Nguyễn Gia Thái Bình")


def _province_in_sentence(texts: list[str], name: str) -> str | None:
    """The one province the sentence that first names *name* names, if it names one only:
    "Tại Thừa Thiên - Huế, Phó Chủ tịch UBND tỉnh X cho biết …" in an article of four provinces."""
    for text in texts:
        at = text.find(name)
        if at < 0:
            continue
        start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
        ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
        end = min(ends) if ends else len(text)
        spans = [(at, at + len(name))]
        found = {p for a, b, p, _ in _province_matches(text) if a >= start and b <= end and _outside(a, b, spans)}
        return found.pop() if len(found) == 1 else None
    return None


def _article_province(texts: list[str], name: str, reach: int = 1500) -> str | None:
    """The province an article is about, for *name*: the one named most often (cities and
    other spellings counted for their province, a name after "tỉnh" twice) within *reach*
    characters of the first mention of the name (a digest of several stories names other
    provinces far from it), or in the whole article if the name is not found as written; if
    one is named more often than any other. The name itself names none."""
    counts: dict[str, int] = {}
    first = next(((k, text.find(name)) for k, text in enumerate(texts) if name in text), None)
    for k, text in enumerate(texts):
        if first is not None and k != first[0]:
            continue
        low, high = (first[1] - reach, first[1] + reach) if first else (0, len(text))
        spans = _name_spans(text, name)
        for a, b, place, weight in _province_matches(text):
            if a >= low and b <= high and _outside(a, b, spans):
                counts[place] = counts.get(place, 0) + weight
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    return max(counts, key=counts.get) if len(ranked) == 1 or ranked[0] > ranked[1] else None


_UNNAMED_CITY = re.compile(r"(?:UBND|HĐND|[Nn]hân [Dd]ân) [Tt]hành phố$")
_CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ")


def _central_city(texts: list[str], name: str) -> str | None:
    """(Round 19) The city a committee left unnamed belongs to ("Chủ tịch UBND Thành phố X"): the news
    writes "Thành phố" alone for the five cities run by the centre, so the one of them the article names
    most (a project's name, "Hòa Bình Green City", is no province of his), if one is named more than the
    others and than any other province named as one ("tỉnh X", "TP X": then the city is a province's)."""
    counts: dict[str, int] = {}
    provinces: dict[str, int] = {}  # the others, named as a province or a city ("tỉnh Thừa Thiên - Huế", "TP Huế")
    for text in texts:
        spans = _name_spans(text, name)
        for a, b, place, weight in _province_matches(text):
            if place in _CENTRAL_CITIES and _outside(a, b, spans):
                counts[place] = counts.get(place, 0) + weight
            elif weight == 2 and _outside(a, b, spans):
                provinces[place] = provinces.get(place, 0) + weight
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]) or ranked[0] <= max(provinces.values(), default=0):
        return None  # (a provincial city's committee: "UBND thành phố" in an article about "TP Huế")
    return max(counts, key=counts.get)


def _unify_tone_words(text: str) -> str:
    return " ".join(unify_tone(w) for w in re.split(r"[ \-–]+", text))


# The other placement of a tone mark on "oa", "oe", "uy": "Hòa" and "Hoà", "Thủy" and "Thuỷ".
_OTHER_TONE = {
    a: b for a, b in zip("òa óa ỏa õa ọa òe óe ỏe õe ọe ùy úy ủy ũy ụy".split(), "oà oá oả oã oạ oè oé oẻ oẽ oẹ uỳ uý uỷ uỹ uỵ".split())
}


def _spellings(name: str) -> set[str]:
    """*name* as the press writes it, the tone mark placed either way."""
    other = name
    for a, b in _OTHER_TONE.items():
        other = other.replace(a, b)
    return {name, other}


# Other spellings of provinces in titles, and cities titles name for their province.
_PLACE_ALIASES = {
    ("TPHCM",): "Hồ Chí Minh", ("HCM",): "Hồ Chí Minh", ("Sài", "Gòn"): "Hồ Chí Minh",
    ("Thừa", "Thiên"): "Thừa Thiên Huế", ("Vũng", "Tàu"): "Bà Rịa Vũng Tàu", ("Bà", "Rịa"): "Bà Rịa Vũng Tàu",
    ("Uông", "Bí"): "Quảng Ninh", ("Hạ", "Long"): "Quảng Ninh", ("Móng", "Cái"): "Quảng Ninh", ("Cẩm", "Phả"): "Quảng Ninh",
    ("Đà", "Lạt"): "Lâm Đồng", ("Nha", "Trang"): "Khánh Hòa", ("Buôn", "Ma", "Thuột"): "Đắk Lắk", ("Pleiku",): "Gia Lai",
    ("Quy", "Nhơn"): "Bình Định", ("Biên", "Hòa"): "Đồng Nai", ("Thủ", "Dầu", "Một"): "Bình Dương",
    ("Đắc", "Lắc"): "Đắk Lắk", ("Đăk", "Lăk"): "Đắk Lắk", ("Đắk", "Lắc"): "Đắk Lắk", ("Đắc", "Lắk"): "Đắk Lắk",
    ("Đăk", "Lắk"): "Đắk Lắk", ("Đắc", "Nông"): "Đắk Nông", ("Đăk", "Nông"): "Đắk Nông", ("Kontum",): "Kon Tum",
}
_PLACE_SEQS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _seq, _place in [*((tuple(p.split()), p) for p in PROVINCES if p != "Việt Nam"), *_PLACE_ALIASES.items(),
                     *((tuple(c.split()), c) for c in COUNTRIES.replace("\n", "").split("|"))]:
    _seq = tuple(unify_tone(w) for w in _seq)  # "Khánh Hoà" and "Khánh Hòa" alike
    _PLACE_SEQS.setdefault(_seq[0], []).append((_seq, canonical_name("Thừa Thiên Huế" if _place == "Huế" else _place)))
for _options in _PLACE_SEQS.values():
    _options.sort(key=lambda o: -len(o[0]))
# One name for a country named several ways.
_COUNTRY_ALIASES = {"Hoa Kỳ": "Mỹ", "Nhật": "Nhật Bản", "Italy": "Ý", "Italia": "Ý", "Australia": "Úc", "Ukraina": "Ukraine",
                    "Lebanon": "Liban", "Saudi": "Saudi Arabia", "Moskva": "Nga", "Washington": "Mỹ", "Bắc Kinh": "Trung Quốc",
                    "Tokyo": "Nhật Bản", "Seoul": "Hàn Quốc", "London": "Anh", "Paris": "Pháp", "New York": "Mỹ",
                    "Seattle": "Mỹ", "New Delhi": "Ấn Độ", "Viêng Chăn": "Lào", "Buenos Aires": "Argentina"}
_NOT_PLACES = {"Việt Nam", "Asean", "Liên Hợp Quốc", "Liên Hiệp Quốc", "Thái Bình Dương", "Fed", "Kremlin",
               "Điện Kremlin", "Nhà Trắng", "Lầu Năm Góc"}
CENTRAL = "trung ương"  # the place of a national post
# Posts and bodies of the state and the party at national level.
_CENTRAL = re.compile(
    r"\b(?:[Bb]ộ Chính trị|Ban Bí thư|[Tt]rung ương|T\.Ư|TƯ|TW|Chính phủ|[Qq]uốc hội|[Tt]hủ tướng|[Bb]ộ trưởng|[Tt]hứ trưởng"
    r"|[Cc]hủ tịch nước|[Tt]ổng [Bb]í thư|tối cao|của QH|Tổng cục|Vụ trưởng|Vụ [A-ZĐ]|(?<![Cc]hi )Cục [A-ZĐ]|(?<![Cc]hi )[Cc]ục trưởng"
    # national bodies: the central bank, the state audit, social insurance, the national news agency
    # (round 13: "Ban Bí thư", the Party's secretariat)
    r"|NHNN|Ngân hàng Nhà nước|[Tt]hống đốc|Kiểm toán Nhà nước|BHXH Việt Nam|Bảo hiểm xã hội Việt Nam|TTXVN"
    r"|Tổng Liên đoàn|Ủy ban Chứng khoán Nhà nước|UBCKNN|Viện Hàn lâm"
    # the National Assembly's councils and committees, named without it ("Chủ nhiệm Ủy ban Dân nguyện")
    r"|Hội đồng Dân tộc|(?:Ủy|Uỷ) ban (?:về )?(?:Dân nguyện|Pháp luật|Tư pháp|Kinh tế|Tài chính|Quốc phòng|Văn hóa|Văn hoá"
    r"|Xã hội|Khoa học|[Đđ]ối ngoại|Các vấn đề xã hội|các vấn đề xã hội)"
    r"|(?<![Cc]hi )Cục [a-zđ]"  # "Trưởng Cục phòng chống HIV/AIDS" (a province's department is "Chi cục")
    r"|Bộ (?!Chỉ|chỉ|đội|[Tt]ư lệnh)[A-ZĐ]|Bộ [a-zđ]*[^\W\d_]*&"
    # the state's national corporations and banks (a branch names its province first)
    r"|Tập đoàn [^,;]*Việt Nam|Tổng công ty [^,;]*Việt Nam|[A-ZĐ]\w* [^,;()]*Việt Nam$|"
    # (a body "of Việt Nam" that ends the title: "Tư lệnh Cảnh sát biển Việt Nam", "Chủ tịch Hội Nông dân Việt Nam")
    + "|".join(re.escape(b) for b in STATE_BRANDS.replace("\n", "").split("|")) + ")"
)
_DEPUTY = re.compile(r"\b(?:ĐBQH|ĐB|[Đđ]ại biểu)\b")


def person_place(titles, name: str = "") -> str | None:
    """Where an official's posts are, as their titles in one article say it: the first
    province (or a city of it) a title names (``Bí thư Thành ủy TP.HCM`` -> ``Hồ Chí Minh``),
    else a foreign country (``Ngoại trưởng Nga``), else :data:`CENTRAL` for a national post of
    a Vietnamese name (``Thứ trưởng Bộ Y tế``), else None (``Chủ tịch UBND xã Tân An`` names no
    province). A deputy's seat gives no place: deputies sit for a province whatever their post;
    nor does a foreign name (``Ted Osius``: namesakes abroad are rare, a country has several names)."""
    if _foreign_name(name):
        return None
    found = [_title_place(t) for t in titles]
    province = next((p for p, _, _, _ in found if p), None)
    if province:
        return province
    country = next((c for _, c, _, _ in found if c), None)
    if country:
        return country
    if any(national for _, _, national, _ in found) and not any(local for _, _, _, local in found):
        return CENTRAL
    return None


@lru_cache(maxsize=65536)
def _title_place(title: str) -> tuple[str | None, str | None, bool, bool]:
    """(first province, first country, national post, local post) of one title; a deputy's
    seat names none of them ("Đại biểu Quốc hội tỉnh Ninh Bình": a minister may sit for a province)."""
    if _DEPUTY.search(title) or title.isupper():
        return None, None, False, False  # (a title in capitals: "BAN QLDA ĐẦU TƯ" holds no "TƯ" = Trung ương)
    words = [unify_tone(w.text) for w in _words(title)]
    country = None
    k = 0
    after_place = False  # whether the word before ended a place's name ("Thái Bình Dương | Mỹ")
    while k < len(words):
        seq, place = next(
            ((seq, p) for seq, p in _PLACE_SEQS.get(words[k], ()) if tuple(words[k:k + len(seq)]) == seq), ((), None)
        )
        start, k = k, k + (len(seq) or 1)
        before_was_place, after_place = after_place, bool(seq)
        if place is None or place in _NOT_PLACES:
            continue  # "Thái Bình Dương" is an ocean, not the province Thái Bình (nor Bình Dương)
        if place in _COUNTRY_PLACES and k < len(words) and (words[start], exact(words[k])) in _COUNTRY_COMPOUNDS:
            after_place = False
            continue  # "Ban Pháp chế", "Hội Mỹ thuật", "Anh hùng Lao động": a word, no country
        if place in _COUNTRY_PLACES and start and (
            words[start - 1] in ("Việt", "Nam") or (words[start - 1].istitle() and not before_was_place)
            or exact(words[start - 1]) in _LEVELS or exact(words[start - 1]) in _VILLAGES
        ):
            after_place = False  # and what follows it goes on with that name: "huyện Mỹ | Đức" is no Germany
            continue  # "Bệnh viện Việt Đức", "Hội hữu nghị Việt Nam - Cuba", "TP. Thủ Đức", "xã Mỹ Hòa": a body's or place's name
        if place not in _COUNTRY_PLACES:
            if start and exact(words[start - 1]) in _COMMUNES and not (
                start >= 2 and exact(words[start - 2]) in ("thành", "thị") and exact(words[start - 1]) in ("phố", "xã")
            ):  # (but "thành phố Hà Nội" is the city, "thị xã Đà Lạt" the town)
                continue  # "xã Lạng Sơn", "phường Bắc Giang": a commune named like a province
            if start >= 2 and words[start - 1] in SURNAMES and exact(words[start - 2]) in _COMMUNES | _STREETS:
                continue  # (round 13) "phường Nguyễn | Thái Bình": a ward named for a person, no province
            return canonical_name(place), None, False, False
        country = country or canonical_name(_COUNTRY_ALIASES.get(place, place))
    return None, country, national_post(title), bool(_LOCAL.search(title))


# A country's short name that opens a word of two syllables: not the country ("Pháp chế": legal affairs)
_COUNTRY_COMPOUNDS = {("Pháp", exact(w)) for w in "chế luật lý y điển quyền".split()} | {
    ("Mỹ", exact(w)) for w in "thuật phẩm nghệ học".split()} | {("Anh", exact("hùng"))}
_VILLAGES = {exact(w) for w in "thôn ấp bản làng xóm khu phố".split()}
_COMMUNES = _VILLAGES | {exact(w) for w in "xã phường trấn".split()}
_STREETS = {exact(w) for w in "đường phố".split()}
# Posts of a province, a district or a commune: "Bí thư Tỉnh ủy" names no province but is no national post.
_LOCAL = re.compile(
    r"\b(?:[Tt]ỉnh|[Hh]uyện|xã(?! hội)|[Pp]hường|[Qq]uận|[Tt]hị xã|[Tt]hị trấn|[Tt]hành phố|TP|UBND|HĐND|[Tt]hị (?:ủy|uỷ)|[Tt]hành (?:ủy|uỷ))\b"
)


def is_country(place: str | None) -> bool:
    """Whether a place :func:`person_place` gave is a foreign country."""
    return place in _COUNTRY_PLACES


def national_post(title: str) -> bool:
    """Whether *title* is a post of the state or the party at national level (``Thứ trưởng Bộ
    Y tế``, ``Ủy viên Bộ Chính trị``), not a deputy's seat (deputies are elected in provinces)."""
    return bool(_CENTRAL.search(title)) and not _DEPUTY.search(title) and "chi nhánh" not in title.lower()
    # ("Giám đốc Agribank chi nhánh Tây Sơn": a branch is local, though its bank is national)


_COUNTRY_PLACES = {canonical_name(c) for c in COUNTRIES.replace("\n", "").split("|")} - set(PROVINCES)
# The provinces (and their cities and other spellings) as an article's text names them, for
# :func:`_article_province`; "Thái Bình Dương" (the ocean) names none.
_PROVINCE_OF = {
    " ".join(seq): place for options in _PLACE_SEQS.values() for seq, place in options
    if place not in _COUNTRY_PLACES and place != "Việt Nam"
}
_PROVINCE_RE = re.compile(
    r"(?<!\w)(?:" + _trie_pattern(
        {"Thái Bình Dương"} | {
            " ".join(words[:2]) + dash + " ".join(words[2:]) if dash else " ".join(words)
            for name in _PROVINCE_OF for spelling in _spellings(name) for words in [spelling.split()]
            for dash in ("", " - ", " – ", "-", "–", "- ") if not dash or len(words) >= 3  # "Bà Rịa - Vũng Tàu"
        }
    ) + r")(?!\w)"
)


def _apply_curated(people: dict, curated: Curated, texts: list[str], author_key: str | None) -> dict:
    out: dict[str, tuple[str, list[str], set[str]]] = {}
    for key, (name, titles, _) in people.items():
        person = curated.by_key.get(key)
        target = person.name if person else name
        entry = out.setdefault(name_key(target), (target, [], set()))
        for title in titles:
            _add_title(entry, title)
    text = _folded_text(texts)
    for person in curated.people:
        key = name_key(person.name)
        if key in out or key == author_key:
            continue
        if any(f" {name_key(s)} " in text for s in (person.name, *person.aliases)):
            entry = out.setdefault(key, (person.name, [], set()))
            for title in person.titles:
                if f" {name_key(title)} " in text:
                    _add_title(entry, title)
    return out


_SPACES = re.compile(r"\s+")
# A title never ends in a level word without its place ("…, huyện"), or a word that opens
# what follows ("Phó chủ tịch không [chuyên trách]", "Giám đốc cấp [cao]").
_DANGLING = re.compile(
    r"(?:, (?:tỉnh|huyện|quận|xã|phường|thị xã|thị trấn|thành phố|tp|TP)|(?<![Hh]àng) không"
    r"| và đồng| thứ| (?:sáng|chiều|tối|trưa|đêm|hôm) (?:nay|qua|mai)| nhiệm kỳ| (?:phát biểu|cho biết|trình bày|nhấn mạnh|khẳng định|chia sẻ|cho hay|đồng thời|cảnh báo|Mặt khác|Mặc dù|Tuy nhiên|Tuy vậy))+$"
)
_ONE_SIDED_AMP = re.compile(r"(?<=\w)& | &(?=\w)")
_ABBREVIATED = {"TP", "Tp", "TX", "TT", "Q", "P", "T"}  # "TP. Hồ Chí Minh", "Ủy viên T.Ư"
_PLACE_ENDING_IN_HEAD = re.compile(r"\b(?:xã|phường|thị trấn|thôn|ấp|bản) [A-ZĐÂ]\w* (?:Sở|Hội|Ban|Phòng)$")


def _title_key(title: str) -> str:
    return " ".join(exact(w) for w, _, _ in tokens(title))


# (Round 7) Posts one person holds at a time in Việt Nam: named bare for two people of one
# article, the post is the one's the article names right before their name.
_ONE_HOLDER_POSTS = {_title_key(p) for p in ("Tổng Bí thư", "Chủ tịch nước", "Thủ tướng", "Thủ tướng Chính phủ",
                                              "Chủ tịch Quốc hội")}


def _one_holder(people: dict, texts: list[str]) -> None:
    """Take a post only one person holds (:data:`_ONE_HOLDER_POSTS`) from those of an article's
    people it gives it to who are never named right after it, when another one is ("… trường hợp
    ông Đinh La Thăng, Tổng bí thư cho hay …" beside "Tổng bí thư Nguyễn Phú Trọng": the post is
    the second man's; the first keeps his other titles, or none: an official named in passing)."""
    holders: dict[str, list[tuple[str, str]]] = {}
    for key, (_, titles, _) in people.items():
        for title in titles:
            if (title_key := _title_key(title)) in _ONE_HOLDER_POSTS:
                holders.setdefault(title_key, []).append((key, title))
    text_key = None
    for post, held in holders.items():
        if len(held) < 2:
            continue
        if text_key is None:
            text_key = " " + _title_key(" ".join(texts)) + " "
        named = {key for key, _ in held if f" {post} {_title_key(people[key][0])} " in text_key}
        if not named:
            continue
        for key, title in held:
            if key not in named:
                name, titles, keys = people[key]
                titles.remove(title)
                keys.discard(post)


# (Round 16) A school's unit, named, before "nhà trường" (the school told before): "Trưởng phòng Đào tạo".
_SCHOOL_UNIT = re.compile(r"^(?:[Pp]hó )?(?:[Tt]rưởng|[Gg]iám đốc) (?:phòng|khoa|ban|trung tâm|bộ môn|Phòng|Khoa|Ban|Trung tâm|Bộ môn) \S+")


def _add_title(entry: tuple[str, list[str], set[str]], title: str) -> None:
    title = _ONE_SIDED_AMP.sub(" & ", _SPACES.sub(" ", title).strip(" ,;"))  # (round 12) "Tài nguyên& Môi trường"
    if title.endswith(" và"):
        title = title[:-3]  # "nguyên Giám đốc và ...": the title ended before a list
    title = _DANGLING.sub("", title)
    if title.endswith(" nhà trường") and _SCHOOL_UNIT.search(title):
        title = title[:-len(" nhà trường")]  # (round 16) "Trưởng phòng Đào tạo nhà trường": a unit's name,
        # then "the school" told before, no part of it ("Hiệu trưởng nhà trường", "Hội đồng nhà trường" keep it)
    while (
        " " in title and title.rsplit(" ", 1)[1] in _STARTERS and title.rsplit(" ", 1)[1] not in _BODY_STARTS
        and tuple(title.split()[-2:]) not in _PROVINCE_SEQ_SET  # "TP Uông Bí": a place ends so
        and not (title.endswith(" Bà") and title.split()[-2][:1].isupper() and title.split()[-2] not in _STARTERS)
        # ("bệnh viện đa khoa Cát Bà", "quận Hai Bà": a place's syllable)
        and not (
            len(title.split()) >= 3 and exact(title.split()[-3]) in _LEVELS and title.split()[-2][:1].isupper()
            and title.split()[-2] not in _STARTERS  # (round 14) "xã Hòa Phát": a place's second syllable
        )
    ):
        title = title.rsplit(" ", 1)[0]  # "… tỉnh Khánh Hòa Không ủng hộ": the next sentence's first word
    last = title.rsplit(" ", 1)
    if (
        len(last) == 2 and last[1] in ("Ban", "Sở", "Cục", "Bộ", "Vụ", "Viện", "Hội", "Phòng", "tổ", "đội", "Đội")
        and not is_post(title) and not title.endswith("Hải Phòng") and not (" " in last[0] and wordlist.default().joins(
            exact(last[0].rsplit(" ", 1)[1]), exact(last[1]), strict=True
        ))  # "Hải Phòng", "Bộ Quốc Phòng": the head ends a word
        and not _PLACE_ENDING_IN_HEAD.search(title)  # "xã Ninh Sở", "xã Tân Hội": a place's last syllable
    ):
        title = last[0]  # "Tổng giám đốc Ban" cut before the body's name: keep the post
    if title.endswith(" BV") and " khoa " in title.lower():
        title = title[:-3]  # (round 17) "Phó khoa Tai Mũi Họng BV | chia sẻ": the hospital told short, no name
        # after it (but "Phó giám đốc BV" keeps it: there the hospital is the body)
    if title.count("(") > title.count(")"):
        title += ")"  # "Cục trưởng Cục An ninh (Bộ Công an)": the bracket closes after the title
    key = " ".join(exact(w) for w, _, _ in tokens(title))
    loose = _loose_key(key)
    if not key or any(k == key or k.startswith(key + " ") or _loose_key(k).startswith(loose + " ") for k in entry[2]):
        return  # known, or a shorter form of a title known ("Trưởng ban"; round 8: "Hiệu trưởng THCS Lê
        # Đình" beside "Hiệu trưởng Trường THCS Lê Đình Chinh", the school's name cut by a typo)
    for i, known in enumerate(list(entry[1])):
        known_key = " ".join(exact(w) for w, _, _ in tokens(known))
        if key.startswith(known_key + " ") or loose.startswith(_loose_key(known_key) + " "):
            # a longer form replaces the shorter
            entry[1][i] = title
            entry[2].discard(known_key)
            entry[2].add(key)
            return
    standing = _standing_key(key)
    for i, known in enumerate(list(entry[1])):
        known_key = " ".join(exact(w) for w, _, _ in tokens(known))
        if standing != key or _standing_key(known_key) != known_key:
            if _standing_key(known_key) == standing:
                # (round 17) "Trưởng phái đoàn thường trực của Việt Nam tại X" and "Trưởng Phái đoàn Việt Nam
                # tại X": one post, told with and without "thường trực của"; the longer form stays
                if len(key) > len(known_key):
                    entry[1][i] = title
                    entry[2].discard(known_key)
                    entry[2].add(key)
                return
    entry[2].add(key)
    entry[1].append(title)


def _standing_key(key: str) -> str:
    """(Round 17) A title's key without "thường trực của" (standing, of): a mission's post told in full
    ("Trưởng phái đoàn thường trực của Việt Nam tại X"); a bare "thường trực" stays ("Phó Chủ tịch
    thường trực UBND tỉnh" is a post of its own beside "Phó Chủ tịch UBND tỉnh")."""
    return key.replace(" thường trực của ", " ") if " thường trực của " in key else key


_PLACE_BEFORE_NAME = re.compile(r"\b(?:quận|huyện|phường|xã|thị xã|thị trấn|tỉnh|thành phố)\s+$", re.IGNORECASE)
_HONORIFIC_BEFORE_NAME = re.compile(r"\b(?:ông|bà|anh|chị|đồng chí)\s+$", re.IGNORECASE)


def _named_place(name: str, texts: list[str]) -> bool:
    """(Round 13) Whether a name of two syllables is a place the article names with its level
    ("…, Hà Đông cho biết" after "quận Hà Đông"): a district's name reads as a surname and a given
    name, so "Trưởng Công an phường Quang Trung, Hà Đông" gave a person "Hà Đông"."""
    if len(name.split()) != 2 or _foreign_name(name) or name.split()[0] in _NEVER_IN_PLACES:
        return False
    place = False
    for text in texts:
        start = text.find(name)
        while start >= 0:
            if _HONORIFIC_BEFORE_NAME.search(text, max(0, start - 12), start):
                return False  # "Ông Hà Đông, …": a man, whatever places the article names
            place = place or bool(_PLACE_BEFORE_NAME.search(text, max(0, start - 12), start))
            start = text.find(name, start + 1)
    return place


def _others_names_out(people: dict) -> None:
    """(Round 13) Leave out a title that ends in the name of another person the article names:
    "Phó Thủ tướng Phạm Bình Minh, Vụ trưởng Lê Dũng cho biết" gives Lê Dũng's post to him, not
    to the minister (a name of two syllables, which a title's body alone does not tell from a place)."""
    lasts = {name.rsplit(" ", 1)[-1].lower() for name, _, _ in people.values()}  # (names are canonical already)
    cut = {  # (round 14) "Thủ tướng Đức A, Tổng thống Moon Jae-in": a title ending in a hyphened name cut at its hyphen
        name.rsplit("-", 1)[0] for name, _, _ in people.values() if "-" in name.rsplit(" ", 1)[-1] and " " in name
    }
    lasts |= {name.rsplit(" ", 1)[-1].lower() for name in cut}
    names = None
    for name, titles, keys in people.values():
        for title in list(titles):
            if title.rsplit(" ", 1)[-1].lower() not in lasts:
                continue  # (most titles end in no one's given name: the whole title is read only then)
            names = names or {canonical_name(other) for other, _, _ in people.values()} | {canonical_name(c) for c in cut}
            own = canonical_name(name)
            words = canonical_name(title).split()
            if any(
                len(words) > k >= 2 and " ".join(words[-k:]) in names and " ".join(words[-k:]) != own
                and not title.split()[-k - 1][:1].isupper()  # ("… Bồ | Đào Nha": a country's name goes on)
                for k in (2, 3, 4)
            ):
                titles.remove(title)
                keys.discard(" ".join(exact(w) for w, _, _ in tokens(title)))


def _typos_merged(people: dict, texts: list[str]) -> None:
    """(Round 13) A foreign name the article misspells once is the one it spells right: "Tổng
    thống Donal Trump", "Doanl Trump" beside "Donald Trump" (the same last name, the first
    one with a letter or two dropped, added or swapped), so one person, under the spelling the
    article writes most. Vietnamese names are left alone: "Nguyễn Văn Hùng"
    and "Nguyễn Văn Hưng" are two people."""
    foreign = [key for key, (name, _, _) in people.items() if _foreign_name(name) and len(name.split()) >= 2]
    if len(foreign) < 2:
        return
    written = {key: sum(text.count(people[key][0]) for text in texts) for key in foreign}
    for n, key in enumerate(foreign):
        name, titles, _ = people[key]
        if len(name.split()) != 2:
            continue
        first, last = name.split()
        for m, other in enumerate(foreign):
            if other == key or other not in people or people[other][0].split()[-1] != last or len(people[other][0].split()) != 2:
                continue
            other_first = people[other][0].split()[0]
            # into the spelling written more often, else the longer ("Donal" is "Donald" cut), else the one named first
            if (written[other], len(other_first), -m) > (written[key], len(first), -n) and len(first) >= 4 and (
                _edits(first, other_first) <= 2
            ) and (
                not Counter(first.lower()) - Counter(other_first.lower())  # a letter dropped, added or two swapped,
                or not Counter(other_first.lower()) - Counter(first.lower())  # none
            ):  # changed ("Shinzo" and "Shinji" are two people)
                for title in titles:
                    _add_title(people[other], title)
                del people[key]
                break


_PATRONYMICS = {"bin", "ibn", "bint", "al"}


def _short_mentions_merged(people: dict) -> None:
    """(Round 13) A foreign name whose words (a "Sheikh" before them aside) open a longer foreign name of
    the article is that person named short: "Bộ trưởng Sheikh Mohammed" after "Sheikh Mohammed bin
    Abdulrahman al-Thani" (the facet showed "Sheikh Mohammed" as a person of its own)."""
    foreign = {key: [p.lower() for p in name.split()] for key, (name, _, _) in people.items() if _foreign_name(name)}
    if len(foreign) < 2:
        return
    for key, words in foreign.items():
        short = words[1:] if words[0] == "sheikh" else words
        if not short:
            continue
        longer = [
            other for other, ws in foreign.items() if other != key and other in people
            and len(full := ws[1:] if ws[0] == "sheikh" else ws) > len(short) and full[:len(short)] == short
            and (full[len(short)] in _PATRONYMICS or full[len(short)].startswith("al-"))
        ]  # (only before an Arabic patronymic: "Donald Trump" is not "Donald Trump Jr")
        if len(longer) == 1 and key in people:
            for title in people[key][1]:
                _add_title(people[longer[0]], title)
            del people[key]


def _edits(a: str, b: str) -> int:
    """Edits (a letter in, out, changed, or two swapped) from *a* to *b*."""
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if prev2 and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def _loose_key(key: str) -> str:
    """A title's key without "trường" (a school's kind word the press writes or leaves out:
    "Trường THCS X", "THCS X"), to tell a short form of the same title."""
    return key.replace(" trường ", " ") if " trường " in key else key


def _merge_short_forms(people: dict) -> None:
    """One person per entry within an article: a name that is the start or the end of one
    other, longer name of the article ("Phạm Bình" for Phạm Bình Minh, "Kim Tiến" for
    Nguyễn Thị Kim Tiến) joins it."""
    for key in list(people):
        parts = key.split()
        longer = [
            other for other in people
            if other != key and len(other.split()) > len(parts)
            and (other.split()[:len(parts)] == parts or other.split()[-len(parts):] == parts)
        ]
        if len(longer) == 1:
            target = people[longer[0]]
            for title in people.pop(key)[1]:
                _add_title(target, title)


# "4/1985-7/1988: Ủy viên Ban Thường vụ Thành đoàn, ..." opens a step of a career
_CAREER_STEP = re.compile(r"(?:\b(?:\d{1,2}/)?\d{4}\s*[-–]\s*(?:\d{1,2}/)?\d{4}|\bTừ (?:\d{1,2}/)?\d{4}\b[^:.]{0,30}):\s*")


def _add_career(people: dict, texts: list[str]) -> None:
    """In a biography (three steps or more of ``dates: posts``), the posts of each step go
    to the person the article names most often."""
    body = "\n".join(clean(t) for t in texts)
    steps = list(_CAREER_STEP.finditer(body))
    if len(steps) < 3:
        return
    counts = {key: body.count(name) for key, (name, _, _) in people.items()}
    subject = people[max(counts, key=counts.get)]
    for k, step in enumerate(steps):
        end = steps[k + 1].start() if k + 1 < len(steps) else body.find(".", step.end())
        segment = body[step.end():end if end > 0 else len(body)]
        for title in _titles_in(segment):
            _add_title(subject, title)


def _titles_in(text: str) -> list[str]:
    """Every title in *text*: a post with its body and place, where nobody is named."""
    words = _words(text)
    out, i = [], 0
    while i < len(words):
        n, is_rank = _post_at(words, i)
        if not n:
            i += 1
            continue
        n += 0 if is_rank else _body_tail(words, i + n, stop_at_person=False)
        n += _place_after(words, i, i + n)
        out.append(text[words[i].start:words[i + n - 1].end])
        i += n
    return out


def with_officials(article: Article, curated: Curated | None = None) -> Article:
    """*article* with its officials filled in."""
    return replace(article, officials=extract(article, curated))

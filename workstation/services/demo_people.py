"""Demo customers and addresses: Indonesian, Chinese (简体) and Latin-script (EU/US).

Pure and deterministic for a random generator. The data are invented; the formats follow each
country's habits (RT/RW and kelurahan in Indonesia, 6-digit postcodes in China, ...).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta, timezone


@dataclass(frozen=True)
class Region:
    key: str  # "id", "cn", "eu", "us"
    country: str
    language: str
    currency: str
    tz: timezone
    carriers: tuple[tuple[str, str], ...]  # (carrier, service)


INDONESIA = Region(
    "id", "ID", "id", "IDR", timezone(timedelta(hours=7)),
    (("JNE", "REG"), ("JNE", "YES"), ("J&T", "EZ"), ("SiCepat", "REG"), ("SiCepat", "BEST"),
     ("POS Indonesia", "Pos Reguler"), ("Own fleet", "Same day")),
)
CHINA = Region(
    "cn", "CN", "zh", "CNY", timezone(timedelta(hours=8)),
    (("SF Express", "标准快递"), ("SF Express", "顺丰特快"), ("China Post", "EMS"),
     ("China Post", "Parcel"), ("DHL Express", "Express Worldwide")),
)
EUROPE = Region(
    "eu", "", "en", "EUR", timezone(timedelta(hours=1)),
    (("DHL Express", "Express Worldwide"), ("DHL Express", "Economy Select")),
)
USA = Region(
    "us", "US", "en", "USD", timezone(timedelta(hours=-5)),
    (("DHL Express", "Express Worldwide"),),
)

_ID_GIVEN = ["Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri", "Ahmad", "Ayu", "Wahyu", "Nur",
             "Eko", "Indah", "Bambang", "Fitri", "Hendra", "Ratna", "Yusuf", "Kadek", "Made"]
_ID_FAMILY = ["Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Kusuma", "Nugroho",
              "Pratama", "Siregar", "Nasution", "Simanjuntak", "Wibowo", "Setiawan", "Halim"]
_ID_CITIES = [
    # city, region, postcode base, streets, kelurahan/kecamatan pairs
    ("Jakarta Selatan", "DKI Jakarta", 12, ["Jl. Jend. Sudirman", "Jl. Kemang Raya",
     "Jl. Fatmawati"], [("Karet Semanggi", "Setiabudi"), ("Bangka", "Mampang Prapatan")]),
    ("Jakarta Barat", "DKI Jakarta", 11, ["Jl. Daan Mogot", "Jl. Panjang"],
     [("Kedoya Utara", "Kebon Jeruk"), ("Tanjung Duren Selatan", "Grogol Petamburan")]),
    ("Surabaya", "Jawa Timur", 60, ["Jl. Raya Darmo", "Jl. Basuki Rahmat", "Jl. Tunjungan"],
     [("Keputran", "Tegalsari"), ("Gubeng", "Gubeng")]),
    ("Bandung", "Jawa Barat", 40, ["Jl. Asia Afrika", "Jl. Dago", "Jl. Braga"],
     [("Braga", "Sumur Bandung"), ("Lebakgede", "Coblong")]),
    ("Medan", "Sumatera Utara", 20, ["Jl. Gatot Subroto", "Jl. Iskandar Muda"],
     [("Petisah Tengah", "Medan Petisah")]),
    ("Denpasar", "Bali", 80, ["Jl. Teuku Umar", "Jl. Gatot Subroto Barat"],
     [("Dauh Puri Kauh", "Denpasar Barat")]),
    ("Yogyakarta", "DI Yogyakarta", 55, ["Jl. Malioboro", "Jl. Kaliurang"],
     [("Sosromenduran", "Gedong Tengen")]),
]

_CN_FAMILY = ["张", "王", "李", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"]
_CN_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "婷"]
_CN_PINYIN = {"张": "zhang", "王": "wang", "李": "li", "刘": "liu", "陈": "chen", "杨": "yang",
              "黄": "huang", "赵": "zhao", "周": "zhou", "吴": "wu", "徐": "xu", "孙": "sun"}
_CN_CITIES = [
    ("北京市", "北京市", "1000", ["朝阳区建国路", "海淀区中关村大街", "东城区王府井大街"]),
    ("上海市", "上海市", "2000", ["浦东新区世纪大道", "静安区南京西路", "徐汇区淮海中路"]),
    ("广州市", "广东省", "5100", ["天河区天河路", "越秀区北京路"]),
    ("深圳市", "广东省", "5180", ["南山区科技园南路", "福田区深南大道"]),
    ("杭州市", "浙江省", "3100", ["西湖区文三路", "上城区解放路"]),
    ("成都市", "四川省", "6100", ["锦江区春熙路", "武侯区人民南路"]),
]
_CN_COMPANIES = ["北京星辰科技有限公司", "上海海风贸易有限公司", "深圳云帆电子有限公司"]

_LATIN_PEOPLE = [
    ("Zoë", "Müller"), ("François", "Lefèvre"), ("Łukasz", "Wójcik"), ("Sofía", "Núñez"),
    ("Jan", "de Vries"), ("Emma", "O'Brien"), ("Björn", "Åkesson"), ("Chiara", "Rossi"),
    ("Noah", "Smith"), ("Olivia", "Johnson"), ("Liam", "García"), ("Ava", "Williams"),
]
_EU_ADDRESSES = [
    # country, city, region, postcode, street, phone prefix
    ("DE", "Berlin", None, "10117", "Friedrichstraße 43", "+49 30"),
    ("DE", "München", "Bayern", "80331", "Marienplatz 8", "+49 89"),
    ("FR", "Paris", None, "75004", "12 Rue de Rivoli", "+33 1"),
    ("NL", "Amsterdam", "Noord-Holland", "1015 CJ", "Herengracht 182", "+31 20"),
    ("PL", "Kraków", "małopolskie", "31-042", "ul. Floriańska 15", "+48 12"),
    ("ES", "Sevilla", "Andalucía", "41004", "Calle Sierpes 27", "+34 954"),
    ("SE", "Göteborg", None, "411 17", "Kungsgatan 34", "+46 31"),
    ("IT", "Milano", "MI", "20121", "Via Brera 19", "+39 02"),
]
_US_ADDRESSES = [
    ("New York", "NY", "10118", "350 Fifth Avenue", "+1 212"),
    ("Seattle", "WA", "98101", "1420 5th Ave", "+1 206"),
    ("Austin", "TX", "78701", "600 Congress Ave", "+1 512"),
]
_EMAIL_DOMAINS = ["example.com", "example.net", "example.org"]


@dataclass(frozen=True)
class Person:
    region: Region
    country: str
    name: str
    email: str
    company: str | None
    address_lines: list[str]
    city: str
    region_name: str | None
    postcode: str
    phone: str


def _ascii_handle(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


def indonesian(rng: random.Random) -> Person:
    given, family = rng.choice(_ID_GIVEN), rng.choice(_ID_FAMILY)
    city, region, pc, streets, areas = rng.choice(_ID_CITIES)
    kel, kec = rng.choice(areas)
    lines = [
        f"{rng.choice(streets)} No. {rng.randint(1, 250)}",
        f"RT {rng.randint(1, 15):02d}/RW {rng.randint(1, 12):02d}, Kel. {kel}, Kec. {kec}",
    ]
    company = rng.choice([None, None, None, "PT Maju Bersama", "CV Sinar Jaya"])
    return Person(
        INDONESIA, "ID", f"{given} {family}",
        f"{_ascii_handle(given)}.{_ascii_handle(family)}{rng.randint(1, 99)}@"
        f"{rng.choice(_EMAIL_DOMAINS)}",
        company, lines, city, region, f"{pc}{rng.randint(100, 999)}",
        f"+62 8{rng.randint(11, 59)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
    )


def chinese(rng: random.Random) -> Person:
    family = rng.choice(_CN_FAMILY)
    name = family + "".join(rng.sample(_CN_GIVEN, rng.choice((1, 2))))
    city, region, pc, streets = rng.choice(_CN_CITIES)
    lines = [f"{city}{rng.choice(streets)}{rng.randint(1, 300)}号"]
    if rng.random() < 0.5:
        lines.append(f"{rng.randint(1, 30)}栋{rng.randint(1, 3)}单元{rng.randint(101, 2808)}室")
    company = rng.choice([None, None, None, *_CN_COMPANIES])
    return Person(
        CHINA, "CN", name,
        f"{_CN_PINYIN[family]}{rng.randint(100, 999)}@{rng.choice(_EMAIL_DOMAINS)}",
        company, lines, city, region, f"{pc}{rng.randint(10, 99)}",
        f"+86 1{rng.randint(30, 89)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
    )


def latin(rng: random.Random) -> Person:
    given, family = rng.choice(_LATIN_PEOPLE)
    email = (f"{_ascii_handle(given)}.{_ascii_handle(family)}@{rng.choice(_EMAIL_DOMAINS)}")
    company = rng.choice([None, None, "Acme GmbH", "Nordlicht AB"])
    if rng.random() < 0.7:
        country, city, region_name, postcode, street, phone = rng.choice(_EU_ADDRESSES)
        region = EUROPE
    else:
        city, region_name, postcode, street, phone = rng.choice(_US_ADDRESSES)
        country, region = "US", USA
    lines = [street]
    if rng.random() < 0.3:
        lines.append(f"Apt {rng.randint(1, 40)}")
    return Person(
        region, country, f"{given} {family}", email, company, lines, city, region_name,
        postcode, f"{phone} {rng.randint(100000, 999999)}",
    )


def person(rng: random.Random, key: str | None = None) -> Person:
    """A customer from the given region key ("id", "cn", "latin"), or a weighted random one."""
    if key is None:
        key = rng.choices(["id", "cn", "latin"], weights=[5, 3, 2])[0]
    if key == "id":
        return indonesian(rng)
    if key == "cn":
        return chinese(rng)
    return latin(rng)

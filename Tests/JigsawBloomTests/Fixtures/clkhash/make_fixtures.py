#!/usr/bin/env python3
"""Generate clkhash 0.18.3 cross-check fixtures for Jigsaw.

Run with a Python that has clkhash==0.18.3 installed (anonlink 0.15.3 is not needed):

    python3 -m venv /tmp/clkvenv
    /tmp/clkvenv/bin/pip install clkhash==0.18.3 anonlink==0.15.3
    /tmp/clkvenv/bin/python make_fixtures.py

All outputs are written next to this script. The output is deterministic
(fixed seeds; no dependence on PYTHONHASHSEED, the clock or the locale),
so re-running it must reproduce the committed files byte for byte.
"""

import base64
import csv
import datetime
import hashlib
import hmac
import io
import json
import os
import random
import re
import sys

import clkhash
from bitarray import bitarray
from clkhash import bloomfilter, clk, comparators, field_formats, key_derivation
from clkhash import schema as clk_schema
from clkhash.serialization import serialize_bitarray
from clkhash.validate_data import EntryError, validate_entries

OUT = os.path.dirname(os.path.abspath(__file__))
N_RECORDS = 2000
CLKHASH_VERSION = '0.18.3'

if getattr(clkhash, '__version__', CLKHASH_VERSION) != CLKHASH_VERSION:
    sys.exit(f'clkhash {CLKHASH_VERSION} required, found {clkhash.__version__}')


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def b64(data: bytes) -> str:
    return base64.b64encode(data).decode('ascii')


def write_json(name, obj):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='\n') as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write('\n')


def write_csv(name, header, rows):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


def load_schema(name):
    with open(os.path.join(OUT, f'schema-{name}.json'), encoding='utf-8') as f:
        return clk_schema.from_json_file(f)


def check_rows(schema, rows):
    """Every generated row must pass clkhash's own validation."""
    validate_entries(schema.fields, rows)


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


# --------------------------------------------------------------------------
# synthetic name material (combined at random; no real person's data)
# --------------------------------------------------------------------------

FORENAMES_ASCII = (
    'Oliver George Harry Noah Jack Charlie Leo Jacob Freddie Alfie Arthur Oscar Henry Theo Archie '
    'Thomas William James Muhammad Joshua Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia '
    'Grace Freya Evie Poppy Ella Siobhan Niamh Aoife Eilidh Rhys Dafydd Gethin Ffion Cerys Morag '
    'Hamish Callum Mohammed Aisha Fatima Priya Arjun Oluwaseun Chidi Kwame Agnieszka Eoghan Jo Al '
    'Anne-Marie Mary-Jane Jean-Luc Mary-Kate D\'Arcy D\'Andre Lily-Rose'
).split()
FORENAMES_UNICODE = (
    'Seán Zoë Chloé Renée José Łukasz Małgorzata Jürgen Grzegorz Björn Søren Ayşe Þóra Ágnes Núria '
    'Élodie Siân Gráinne Bríd Przemysław Wojciech Ștefan Iñigo Anaïs Gülşen Jiří Zoë-Mai Seán-Óg'
).split()
FORENAMES_DECOMPOSED = ['Zoe\u0308', 'Jose\u0301', 'Rene\u0301e', 'Sea\u0301n']   # NFD on purpose
FORENAMES_CJK = ['伟', '娜', '敏', '洋', '静', '秀英', '晓明']
FORENAMES_OTHER = ['Дмитрий', 'Ελένη', 'Σοφία', 'Ольга']

SURNAMES_ASCII = (
    'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson '
    'Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner '
    'Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott '
    'Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson '
    'Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams '
    'Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell '
    'MacLeod McDonald MacKenzie Ffrench Ng Wu Li'
).split()
SURNAMES_PUNCT = (
    "O'Brien O'Neill O'Connor D'Souza O'Sullivan Smith-Jones Taylor-Brown Hughes-Evans Clarke-Patel "
    "Khan-Wood O'Brien-Kelly Jones-O'Hara"
).split()
SURNAMES_UNICODE = (
    'Brontë Nuñez Łukasiewicz Weiß Strauß Müller Nguyễn Çelik Öztürk Jędrzejczyk Gößmann Ødegård '
    'Śliwińska Dvořák Łęcka-Weiß'
).split() + ['Ó Súilleabháin', 'Ní Bhriain', 'de la Cruz', 'van der Berg']
SURNAMES_CJK = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '欧阳', '司马']
SURNAMES_OTHER = ['Иванова', 'Παπαδόπουλος']

POSTCODE_AREAS = ['SW', 'SE', 'N', 'NW', 'E', 'EC', 'W', 'WC', 'B', 'M', 'L', 'LS', 'G', 'EH', 'CF',
                  'BS', 'OX', 'CB', 'YO', 'NE', 'S', 'BT', 'AB', 'PL']
POSTCODE_INWARD = 'ABDEFGHJLNPQRSTUWXYZ'

CITIES_LOWER = ['london', 'manchester', 'birmingham', 'leeds', 'glasgow', 'edinburgh', 'cardiff',
                'belfast', 'bristol', 'liverpool', 'newcastle upon tyne', 'stoke-on-trent',
                "king's lynn", 'bury st edmunds', 'köln', 'zürich', 'łódź', 'kraków', 'são paulo',
                'münchen', 'malmö', 'göteborg', 'reykjavík', '北京', 'москва', 'αθήνα', 'dún laoghaire']

MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def forename(rng, allow_unicode=True, allow_cjk=True):
    r = rng.random()
    if allow_unicode and r < 0.10:
        return pick(rng, FORENAMES_UNICODE)
    if allow_unicode and r < 0.12:
        return pick(rng, FORENAMES_DECOMPOSED)
    if allow_cjk and r < 0.16:
        return pick(rng, FORENAMES_CJK)
    if allow_unicode and r < 0.17:
        return pick(rng, FORENAMES_OTHER)
    return pick(rng, FORENAMES_ASCII)


def surname(rng, allow_unicode=True, allow_cjk=True):
    r = rng.random()
    if r < 0.12:
        return pick(rng, SURNAMES_PUNCT)
    if allow_unicode and r < 0.22:
        return pick(rng, SURNAMES_UNICODE)
    if allow_cjk and r < 0.27:
        return pick(rng, SURNAMES_CJK)
    if allow_unicode and r < 0.28:
        return pick(rng, SURNAMES_OTHER)
    return pick(rng, SURNAMES_ASCII)


def postcode(rng, space=True):
    area = pick(rng, POSTCODE_AREAS)
    district = str(rng.randrange(1, 10)) if len(area) == 2 or rng.random() < 0.5 else str(rng.randrange(10, 30))
    if len(district) == 1 and rng.random() < 0.15:
        district += pick(rng, 'ABCDEFGHJKMNPRSTUVWXY')
    inward = str(rng.randrange(10)) + pick(rng, POSTCODE_INWARD) + pick(rng, POSTCODE_INWARD)
    return area + district + (' ' if space else '') + inward


def random_date(rng, lo=datetime.date(1920, 1, 1), hi=datetime.date(2023, 12, 31)):
    r = rng.random()
    if r < 0.01:
        return lo
    if r < 0.02:
        return hi
    if r < 0.04:  # 29 February of a random leap year
        y = pick(rng, [1924, 1948, 1960, 1972, 1980, 1988, 1996, 2000, 2004, 2016, 2020])
        return datetime.date(y, 2, 29)
    return lo + datetime.timedelta(days=rng.randrange((hi - lo).days + 1))


# --------------------------------------------------------------------------
# schemas
# --------------------------------------------------------------------------

SCHEMAS = {}

# (1) exactly the whole-record example of /work/shared/spec/clkhash-compat.md
SCHEMAS['example'] = {
    'version': 3,
    'clkConfig': {
        'l': 1024,
        'kdf': {
            'type': 'HKDF',
            'hash': 'SHA256',
            'salt': 'SCbL2zHNnmsckfzchsNkZY9XoHk96P/G5nUBrM7ybymlEFsMV6PAeDZCNp3rfNUPCtLDMOGQHG4pCQpfhiHCyA==',
            'info': 'c2NoZW1hX2V4YW1wbGU=',
            'keySize': 64,
        },
    },
    'features': [
        {'identifier': 'id', 'ignored': True},
        {'identifier': 'name', 'format': {'type': 'string', 'encoding': 'utf-8'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2}, 'strategy': {'bitsPerFeature': 100},
                     'hash': {'type': 'blakeHash'}}},
        {'identifier': 'dob', 'format': {'type': 'date', 'format': '%Y-%m-%d'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 1, 'positional': True},
                     'strategy': {'bitsPerToken': 10},
                     'hash': {'type': 'doubleHash', 'prevent_singularity': True}}},
        {'identifier': 'postcode', 'format': {'type': 'string'},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerToken': 20},
                     'hash': {'type': 'doubleHash'}, 'missingValue': {'sentinel': ''}}},
    ],
}

# (2) UK people: SHA512 without salt/info, keySize 32, l 2048, ignored feature in the middle
UK_POSTCODE_RE = '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}'
SCHEMAS['uk-people'] = {
    'version': 3,
    'clkConfig': {'l': 2048, 'kdf': {'type': 'HKDF', 'hash': 'SHA512', 'keySize': 32}},
    'features': [
        {'identifier': 'record_id', 'ignored': True, 'description': 'local row id, not hashed'},
        {'identifier': 'given_name', 'description': 'first given name',
         'format': {'type': 'string', 'encoding': 'utf-8', 'case': 'mixed', 'minLength': 1, 'maxLength': 40},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2}, 'strategy': {'bitsPerFeature': 200}}},
        {'identifier': 'family_name',
         'format': {'type': 'string', 'encoding': 'utf-8', 'maxLength': 50,
                    'description': 'UNKNOWN is the missing-value sentinel'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 3, 'positional': False},
                     'strategy': {'bitsPerToken': 8}, 'hash': {'type': 'blakeHash'},
                     'missingValue': {'sentinel': 'UNKNOWN', 'replaceWith': ''}}},
        {'identifier': 'notes', 'ignored': True},
        {'identifier': 'sex', 'format': {'type': 'enum', 'values': ['M', 'F', 'X', 'U']},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerToken': 30},
                     'hash': {'type': 'doubleHash', 'prevent_singularity': False},
                     'missingValue': {'sentinel': 'U', 'replaceWith': ''}}},
        {'identifier': 'dob', 'format': {'type': 'date', 'format': '%d/%m/%Y'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 1, 'positional': True},
                     'strategy': {'bitsPerToken': 12}, 'hash': {'type': 'blakeHash'}}},
        {'identifier': 'postcode', 'format': {'type': 'string', 'encoding': 'utf-8', 'pattern': UK_POSTCODE_RE},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2, 'positional': True},
                     'strategy': {'bitsPerToken': 15}, 'hash': {'type': 'doubleHash'},
                     'missingValue': {'sentinel': ''}}},
        {'identifier': 'age', 'format': {'type': 'integer', 'minimum': 0, 'maximum': 120},
         'hashing': {'comparison': {'type': 'numeric', 'thresholdDistance': 5, 'resolution': 3},
                     'strategy': {'bitsPerToken': 10}, 'hash': {'type': 'blakeHash'},
                     'missingValue': {'sentinel': 'N/A', 'replaceWith': '-1'}}},
    ],
}

# (3) ASCII upper case, l 512 with the key clkhash really reads, xor_folds 1 (hashed into 1024 bits)
ASCII_POSTCODE_RE = '[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}'
SCHEMAS['ascii-upper-xor'] = {
    'version': 3,
    'clkConfig': {'l': 512, 'xor_folds': 1,
                  'kdf': {'type': 'HKDF', 'hash': 'SHA256', 'salt': b64(b'jigsaw-salt-0001'), 'keySize': 64}},
    'features': [
        {'identifier': 'surname',
         'format': {'type': 'string', 'encoding': 'ascii', 'case': 'upper', 'minLength': 1, 'maxLength': 25},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2, 'positional': False},
                     'strategy': {'bitsPerFeature': 150}, 'hash': {'type': 'blakeHash'}}},
        {'identifier': 'forename',
         'format': {'type': 'string', 'encoding': 'ascii', 'case': 'upper', 'minLength': 2, 'maxLength': 20},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2, 'positional': True},
                     'strategy': {'bitsPerToken': 10}, 'hash': {'type': 'blakeHash'}}},
        {'identifier': 'middle_initial',
         'format': {'type': 'string', 'encoding': 'ascii', 'case': 'upper', 'minLength': 0, 'maxLength': 1},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerToken': 20}}},
        {'identifier': 'dob', 'format': {'type': 'date', 'format': '%Y%m%d'},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerToken': 25},
                     'hash': {'type': 'blakeHash'}}},
        {'identifier': 'sex', 'format': {'type': 'enum', 'values': ['MALE', 'FEMALE', 'OTHER']},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerFeature': 30}}},
        {'identifier': 'postcode', 'format': {'type': 'string', 'encoding': 'ascii', 'pattern': ASCII_POSTCODE_RE},
         'hashing': {'comparison': {'type': 'ngram', 'n': 3}, 'strategy': {'bitsPerToken': 6}}},
        {'identifier': 'height_cm', 'format': {'type': 'integer', 'minimum': 50, 'maximum': 250},
         'hashing': {'comparison': {'type': 'numeric', 'thresholdDistance': 10, 'resolution': 2},
                     'strategy': {'bitsPerToken': 8},
                     'missingValue': {'sentinel': '999', 'replaceWith': ''}}},
        {'identifier': 'case_ref', 'ignored': True},
    ],
}

# (4) lower case, every feature doubleHash, l 1000 (not a power of two),
#     documented-but-ignored xorFolds, SHA512 with info only, keySize 100 (> HMAC block size)
PHONE_RE = '0[0-9]{10}'
WEIGHT_RE = r'[0-9]{1,3}(\.[0-9]{1,2})?'
SCHEMAS['lower-dh-1000'] = {
    'version': 3,
    'clkConfig': {'l': 1000, 'xorFolds': 2,
                  'kdf': {'type': 'HKDF', 'hash': 'SHA512', 'info': b64('jigsaw fixtures: lower-dh-1000'.encode()),
                          'keySize': 100}},
    'features': [
        {'identifier': 'email', 'format': {'type': 'string', 'encoding': 'utf-8', 'case': 'lower', 'maxLength': 64},
         'hashing': {'comparison': {'type': 'ngram', 'n': 3, 'positional': False},
                     'strategy': {'bitsPerFeature': 120},
                     'hash': {'type': 'doubleHash', 'prevent_singularity': True}}},
        {'identifier': 'city', 'format': {'type': 'string', 'case': 'lower'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 1, 'positional': False},
                     'strategy': {'bitsPerToken': 10}, 'hash': {'type': 'doubleHash'}}},
        {'identifier': 'dob', 'format': {'type': 'date', 'format': '%d-%b-%Y'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2, 'positional': False},
                     'strategy': {'bitsPerToken': 10},
                     'hash': {'type': 'doubleHash', 'prevent_singularity': True}}},
        {'identifier': 'phone', 'format': {'type': 'string', 'encoding': 'ascii', 'pattern': PHONE_RE},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2, 'positional': True},
                     'strategy': {'bitsPerToken': 5}, 'hash': {'type': 'doubleHash'},
                     'missingValue': {'sentinel': 'none'}}},
        {'identifier': 'weight_kg', 'format': {'type': 'string', 'encoding': 'ascii', 'pattern': WEIGHT_RE},
         'hashing': {'comparison': {'type': 'numeric', 'thresholdDistance': 2.5, 'resolution': 4,
                                    'fractional_precision': 1},
                     'strategy': {'bitsPerToken': 6},
                     'hash': {'type': 'doubleHash', 'prevent_singularity': False}}},
        {'identifier': 'ref', 'ignored': True},
        {'identifier': 'gender', 'format': {'type': 'enum', 'values': ['female', 'male', 'nonbinary', 'unknown']},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerToken': 40},
                     'hash': {'type': 'doubleHash'},
                     'missingValue': {'sentinel': 'unknown', 'replaceWith': 'unknown'}}},
    ],
}

# (5) numbers: integers (with non-canonical spellings), floats-as-strings, l 128, keySize 16,
#     computed with a BYTES secret that is not valid UTF-8
SCORE_RE = r'-?[0-9]{1,3}\.[0-9]{1,3}'
LEVEL_RE = r'-?[0-9]{1,2}(\.[0-9]{1,2})?'
SCHEMAS['numeric-mixed'] = {
    'version': 3,
    'clkConfig': {'l': 128,
                  'kdf': {'type': 'HKDF', 'hash': 'SHA256', 'salt': b64(bytes(range(32))),
                          'info': b64(b'numeric-mixed'), 'keySize': 16}},
    'features': [
        {'identifier': 'id', 'ignored': True},
        {'identifier': 'year_of_birth', 'format': {'type': 'integer', 'minimum': 1900, 'maximum': 2024},
         'hashing': {'comparison': {'type': 'numeric', 'thresholdDistance': 3, 'resolution': 1},
                     'strategy': {'bitsPerToken': 2}}},
        {'identifier': 'score', 'format': {'type': 'string', 'pattern': SCORE_RE},
         'hashing': {'comparison': {'type': 'numeric', 'thresholdDistance': 1.5, 'resolution': 3,
                                    'fractional_precision': 2},
                     'strategy': {'bitsPerToken': 1}, 'hash': {'type': 'blakeHash'}}},
        {'identifier': 'balance', 'format': {'type': 'integer', 'minimum': -1000, 'maximum': 1000},
         'hashing': {'comparison': {'type': 'numeric', 'thresholdDistance': 50, 'resolution': 5,
                                    'fractional_precision': 0},
                     'strategy': {'bitsPerFeature': 13}}},
        {'identifier': 'count', 'format': {'type': 'integer', 'minimum': 0},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerToken': 3},
                     'hash': {'type': 'doubleHash', 'prevent_singularity': True}}},
        {'identifier': 'level', 'format': {'type': 'string', 'pattern': LEVEL_RE},
         'hashing': {'comparison': {'type': 'numeric', 'thresholdDistance': 4, 'resolution': 2},
                     'strategy': {'bitsPerToken': 2}, 'hash': {'type': 'doubleHash'},
                     'missingValue': {'sentinel': '', 'replaceWith': '0'}}},
        {'identifier': 'code', 'format': {'type': 'integer'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2}, 'strategy': {'bitsPerFeature': 4}}},
    ],
}

# (6) encodings: utf-8 / utf-16 / utf-32 / ascii, CJK, NFD, astral code points
SCHEMAS['unicode-encodings'] = {
    'version': 3,
    'clkConfig': {'l': 2048,
                  'kdf': {'type': 'HKDF', 'hash': 'SHA512', 'salt': b64(hashlib.sha256(b'unicode salt').digest()),
                          'info': b64('info ✓'.encode('utf-8')), 'keySize': 64}},
    'features': [
        {'identifier': 'full_name', 'ignored': False, 'format': {'type': 'string', 'encoding': 'utf-8', 'case': 'mixed'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2}, 'strategy': {'bitsPerFeature': 300}}},
        {'identifier': 'name_utf16', 'format': {'type': 'string', 'encoding': 'utf-16'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 2}, 'strategy': {'bitsPerToken': 5},
                     'hash': {'type': 'blakeHash'}}},
        {'identifier': 'name_utf32', 'format': {'type': 'string', 'encoding': 'utf-32'},
         'hashing': {'comparison': {'type': 'ngram', 'n': 1, 'positional': True}, 'strategy': {'bitsPerToken': 4},
                     'hash': {'type': 'doubleHash', 'prevent_singularity': True}}},
        {'identifier': 'ascii_alias', 'format': {'type': 'string', 'encoding': 'ascii', 'case': 'lower', 'maxLength': 30},
         'hashing': {'comparison': {'type': 'ngram', 'n': 3, 'positional': True}, 'strategy': {'bitsPerToken': 6},
                     'hash': {'type': 'doubleHash'}}},
        {'identifier': 'script', 'format': {'type': 'enum', 'values': ['latin', '汉字', 'кириллица', 'ελληνικά', 'mixed']},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerToken': 20}}},
        {'identifier': 'birth_date', 'format': {'type': 'date', 'format': '%d.%m.%Y'},
         'hashing': {'comparison': {'type': 'exact'}, 'strategy': {'bitsPerFeature': 20},
                     'missingValue': {'sentinel': '00.00.0000', 'replaceWith': ''}}},
    ],
}

SECRETS = {
    'example': 'correct horse battery staple',
    'uk-people': 'Ünïcødé secret 🔑 秘密',
    'ascii-upper-xor': 'ascii-upper shared secret 2024',
    'lower-dh-1000': 'lowercase/doublehash secret',
    'numeric-mixed': bytes([0xff, 0xfe, 0x00, 0x80]) + random.Random(5).randbytes(28),
    'unicode-encodings': 'ünicode-secret-ß-ł-中',
}


# --------------------------------------------------------------------------
# record generators (each returns header, rows)
# --------------------------------------------------------------------------

def gen_example(rng):
    rows = [['0', 'JANE SMITH', '1980-02-29', 'SW1A 1AA'],   # the two records of clkhash-compat.md
            ['1', 'JOHN SMITH', '1975-12-01', '']]
    for i in range(2, N_RECORDS):
        r = rng.random()
        if r < 0.01:
            name = ''
        elif r < 0.75:
            name = f'{forename(rng)} {surname(rng)}'.upper()
        else:
            name = f'{forename(rng)} {surname(rng)}'
        dob = random_date(rng).strftime('%Y-%m-%d')
        pc = '' if rng.random() < 0.15 else postcode(rng)
        rows.append([str(i), name, dob, pc])
    return ['id', 'name', 'dob', 'postcode'], rows


NOTE_BITS = ['called twice', 'moved, "temporarily"', 'see ref 12, 13', 'n/a', '', 'prefers "Jo"',
             'line one\nline two', 'comma, and "quote"', 'ünïcode note', '  padded  ']


def gen_uk_people(rng):
    rows = []
    long_given = ('Anne-Marie-Louise-Charlotte-Elizabeth-Jo')            # 40 code points
    long_family = ('Featherstonehaugh-Cholmondeley-Marjoribanks-Smythe')  # 50 code points
    assert len(long_given) == 40 and len(long_family) == 50
    for i in range(N_RECORDS):
        given = forename(rng)
        if i == 3:
            given = 'J'                     # minLength boundary
        elif i == 4:
            given = long_given              # maxLength boundary
        elif i == 8:
            given = '𝔄𝔩𝔦𝔠𝔢-' * 6 + '𝔄𝔩𝔦𝔠'   # 40 code points (76 UTF-16 units): valid
        elif i == 9:
            given = 'Zoe\u0308' * 10          # 40 code points (30 graphemes): valid
        elif rng.random() < 0.03:
            given = forename(rng) + ' ' + forename(rng)
        r = rng.random()
        if i == 5:
            family = long_family
        elif r < 0.03:
            family = 'UNKNOWN'              # sentinel -> replaced with '' -> no tokens
        elif r < 0.04:
            family = ''                     # empty -> no tokens (no minLength)
        else:
            family = surname(rng)
        notes = pick(rng, NOTE_BITS) if rng.random() < 0.3 else ''
        sex = pick(rng, ['M', 'F', 'M', 'F', 'X', 'U'])
        d = random_date(rng)
        if rng.random() < 0.04:
            dob = f'{d.day}/{d.month}/{d.year}'          # unpadded: still valid for %d/%m/%Y
        else:
            dob = d.strftime('%d/%m/%Y')
        r = rng.random()
        pc = '' if r < 0.05 else postcode(rng, space=r > 0.12)
        r = rng.random()
        if i == 6:
            age = '0'
        elif i == 7:
            age = '120'
        elif r < 0.05:
            age = 'N/A'
        else:
            age = str(rng.randrange(0, 121))
        rows.append([f'UKP-{i:06d}', given, family, notes, sex, dob, pc, age])
    return ['record_id', 'given_name', 'family_name', 'notes', 'sex', 'dob', 'postcode', 'age'], rows


def ascii_upper_name(rng, fn):
    while True:
        s = fn(rng, allow_unicode=False, allow_cjk=False).upper()
        if s.isascii():
            return s


def gen_ascii_upper(rng):
    rows = []
    for i in range(N_RECORDS):
        sn = ascii_upper_name(rng, surname)
        if rng.random() < 0.05:
            sn = sn + '-' + ascii_upper_name(rng, surname)
        sn = sn[:25]
        fn = ascii_upper_name(rng, forename)
        if len(fn) < 2:
            fn = fn + 'A'
        fn = fn[:20]
        if i == 0:
            sn, fn = 'X', 'AL'                                    # min lengths
        elif i == 1:
            sn, fn = 'ABERCROMBIE-FOTHERINGHAM', 'MARY-ELIZABETH-ANNEX'   # 24/25 and 20
            sn = sn + 'E'
        mi = '' if rng.random() < 0.4 else pick(rng, 'ABCDEFGHIJKLMNOPRSTW')
        dob = random_date(rng).strftime('%Y%m%d')
        sex = pick(rng, ['MALE', 'FEMALE', 'MALE', 'FEMALE', 'OTHER'])
        pc = postcode(rng, space=True)
        r = rng.random()
        if i == 2:
            h = '50'
        elif i == 3:
            h = '250'
        elif r < 0.04:
            h = '999'
        else:
            h = str(int(rng.gauss(170, 12)))
            h = str(min(250, max(50, int(h))))
        ref = ''.join(pick(rng, '0123456789') for _ in range(10))
        rows.append([sn, fn, mi, dob, sex, pc, h, ref])
    assert len(rows[1][0]) == 25 and len(rows[1][1]) == 20
    return ['surname', 'forename', 'middle_initial', 'dob', 'sex', 'postcode', 'height_cm', 'case_ref'], rows


def email_for(rng, given, family):
    local = f'{given}.{family}'.lower().replace(' ', '').replace("'", '')
    local = local + (str(rng.randrange(100)) if rng.random() < 0.4 else '')
    domain = pick(rng, ['example.org', 'example.com', 'example.net', 'mail.example.co.uk'])
    return (local + '@' + domain)[:64]


def gen_lower_dh(rng):
    rows = []
    for i in range(N_RECORDS):
        while True:
            em = email_for(rng, forename(rng, allow_cjk=False), surname(rng, allow_cjk=False))
            if em.lower() == em:
                break
        city = pick(rng, CITIES_LOWER)
        d = random_date(rng)
        mon = MONTHS[d.month - 1]
        r = rng.random()
        if r < 0.05:
            mon = mon.upper()       # strptime %b is case-insensitive
        elif r < 0.08:
            mon = mon.lower()
        dob = f'{d.day:02d}-{mon}-{d.year}'
        phone = 'none' if rng.random() < 0.06 else '0' + ''.join(pick(rng, '0123456789') for _ in range(10))
        r = rng.random()
        if i == 0:
            w = '0'
        elif i == 1:
            w = '999.99'
        elif r < 0.3:
            w = str(rng.randrange(3, 200))
        elif r < 0.6:
            w = f'{rng.randrange(3, 200)}.{rng.randrange(10)}'
        else:
            w = f'{rng.randrange(3, 200)}.{rng.randrange(100):02d}'   # 2 decimals vs fractional_precision 1
        ref = f'R{rng.randrange(10**6):06d}'
        gender = pick(rng, ['female', 'male', 'female', 'male', 'nonbinary', 'unknown'])
        rows.append([em, city, dob, phone, w, ref, gender])
    return ['email', 'city', 'dob', 'phone', 'weight_kg', 'ref', 'gender'], rows


def int_variant(rng, v):
    """A valid but non-canonical spelling of integer v (Python int() accepts all of these)."""
    r = rng.random()
    s = str(v)
    if r < 0.03:
        return '+' + s if v >= 0 else s
    if r < 0.06:
        return ' ' + s
    if r < 0.08:
        return s + ' '
    if r < 0.11 and v >= 0:
        return '00' + s
    if r < 0.12 and v >= 1000:
        return s[:-3] + '_' + s[-3:]
    if r < 0.13 and v == 0:
        return '-0'
    return s


SPECIAL_SCORES = ['0.125', '0.135', '2.675', '1.005', '-0.125', '-2.675', '0.005', '0.015',
                  '999.995', '-999.995', '0.000', '-0.0', '-0.00', '0.5', '1.5', '-1.5']


def gen_numeric(rng):
    rows = []
    for i in range(N_RECORDS):
        if i == 0:
            yob = '1900'
        elif i == 1:
            yob = '2024'
        else:
            yob = int_variant(rng, rng.randrange(1900, 2025))
        sign = '-' if rng.random() < 0.2 else ''
        score = f'{sign}{rng.randrange(1000)}.' + ''.join(pick(rng, '0123456789') for _ in range(rng.randrange(1, 4)))
        if i < len(SPECIAL_SCORES):   # x.xx5 values: float scaling then round-half-even
            score = SPECIAL_SCORES[i]
        if i == 2:
            bal = '-1000'
        elif i == 3:
            bal = '1000'
        elif i == 4:
            bal = '-0'
        else:
            bal = int_variant(rng, rng.randrange(-1000, 1001))
        count = int_variant(rng, rng.choice([0, 1, 2, 3, 5, 8, 13, 21, 100, 12345, 10**12]))
        r = rng.random()
        if r < 0.05:
            level = ''                                   # sentinel '' -> replaced with '0'
        elif r < 0.4:
            level = str(rng.randrange(-99, 100))
        else:
            level = f'{rng.randrange(-99, 100)}.{rng.randrange(100)}'   # truncated by int(float())
            if level.startswith('0.') and rng.random() < 0.5:
                level = '-' + level
        code = int_variant(rng, rng.randrange(-99999, 100000))
        rows.append([str(i), yob, score, bal, count, level, code])
    return ['id', 'year_of_birth', 'score', 'balance', 'count', 'level', 'code'], rows


UNI_FULL = ['王伟', '李娜', '欧阳晓明', 'Łukasz Łęcka-Weiß', 'Zoë Brontë', 'Zoe\u0308 Bronte\u0308',
            'José Nuñez', 'Jose\u0301 Nun\u0303ez', 'Søren Ødegård', 'Дмитрий Иванов', 'Ελένη Παπαδοπούλου',
            'Straße', 'STRASSE', 'Ǆemal', 'ﬁona', 'İlker Öztürk', 'Mia 😀 Smith', '𝔄𝔩𝔦𝔠𝔢', 'Ayşe Çelik',
            'Niamh Ní Bhriain', "D'Arcy O'Brien", '  padded  ', 'x', '👨\u200d👩\u200d👧 family']
SCRIPT_OF = {'王伟': '汉字', '李娜': '汉字', '欧阳晓明': '汉字', 'Дмитрий Иванов': 'кириллица',
             'Ελένη Παπαδοπούλου': 'ελληνικά', 'Mia 😀 Smith': 'mixed', '👨\u200d👩\u200d👧 family': 'mixed'}


def ascii_alias(s):
    import unicodedata
    t = unicodedata.normalize('NFKD', s)
    t = ''.join(c for c in t if c.isascii()).lower().strip()
    return t[:30]


def gen_unicode(rng):
    rows = []
    for i in range(N_RECORDS):
        if i < len(UNI_FULL):
            full = UNI_FULL[i]
        else:
            r = rng.random()
            if r < 0.3:
                full = pick(rng, UNI_FULL)
            elif r < 0.45:
                full = pick(rng, SURNAMES_CJK) + pick(rng, FORENAMES_CJK)
            else:
                full = f'{forename(rng)} {surname(rng)}'
        r = rng.random()
        n16 = full if r < 0.7 else ('' if r < 0.75 else f'{forename(rng)} {surname(rng)}')
        r = rng.random()
        n32 = full if r < 0.7 else ('' if r < 0.75 else pick(rng, UNI_FULL))
        alias = ascii_alias(full)
        script = SCRIPT_OF.get(full, 'latin')
        if rng.random() < 0.05:
            bd = '00.00.0000'   # sentinel (not a valid date; not validated)
        else:
            bd = random_date(rng).strftime('%d.%m.%Y')
        rows.append([full, n16, n32, alias, script, bd])
    return ['full_name', 'name_utf16', 'name_utf32', 'ascii_alias', 'script', 'birth_date'], rows


GENERATORS = {
    'example': gen_example,
    'uk-people': gen_uk_people,
    'ascii-upper-xor': gen_ascii_upper,
    'lower-dh-1000': gen_lower_dh,
    'numeric-mixed': gen_numeric,
    'unicode-encodings': gen_unicode,
}

SEEDS = {name: 20240601 + i for i, name in enumerate(GENERATORS)}


# --------------------------------------------------------------------------
# invalid records
# --------------------------------------------------------------------------

def classify(msg):
    table = [
        ('Expected entry that can be encoded in', 'encoding'),
        ('conforms to regular expression', 'pattern'),
        ('string length of at least', 'minLength'),
        ('string length of at most', 'maxLength'),
        ('Expected upper case string', 'case'),
        ('Expected lower case string', 'case'),
        ('Validation error for date type', 'date'),
        ('Invalid integer', 'integer'),
        ('integer value of at least', 'minimum'),
        ('integer value of at most', 'maximum'),
        ('Expected enum value', 'enum'),
    ]
    for needle, kind in table:
        if needle in msg:
            return kind
    raise ValueError(f'unclassified validation message: {msg}')


def stable_message(msg):
    # EnumSpec's message lists a Python set (order depends on PYTHONHASHSEED): sort it.
    m = re.match(r"(.*Expected enum value to be one of )(\[.*\])(\. Read .*)", msg, re.S)
    if m:
        import ast
        vals = sorted(ast.literal_eval(m.group(2)))
        return m.group(1) + repr(vals) + m.group(3)
    return msg


INVALID = {
    'uk-people': [
        # (feature, bad value, intended kind)
        ('given_name', '', 'minLength'),
        ('given_name', 'A' * 41, 'maxLength'),
        ('given_name', 'Anne-Marie-Louise-Charlotte-Elizabeth-Joy', 'maxLength'),
        ('given_name', 'Zoe\u0308' * 11, 'maxLength'),           # 44 code points, 33 graphemes
        ('family_name', 'X' * 51, 'maxLength'),
        ('family_name', '欧阳' * 26, 'maxLength'),
        ('sex', 'm', 'enum'),
        ('sex', 'Male', 'enum'),
        ('sex', '', 'enum'),
        ('sex', 'M ', 'enum'),
        ('dob', '1980-02-01', 'date'),
        ('dob', '31/02/1990', 'date'),
        ('dob', '29/02/1900', 'date'),
        ('dob', '00/01/1990', 'date'),
        ('dob', '01/13/1990', 'date'),
        ('dob', '1/1/90', 'date'),
        ('dob', '', 'date'),
        ('dob', '01/01/1990 ', 'date'),
        ('dob', '01/01/19900', 'date'),
        ('postcode', 'sw1a 1aa', 'pattern'),
        ('postcode', 'SW1A  1AA', 'pattern'),
        ('postcode', 'SW1A 1AA ', 'pattern'),
        ('postcode', '1AA SW1', 'pattern'),
        ('postcode', 'SWW1 1AA', 'pattern'),
        ('postcode', 'N/A', 'pattern'),
        ('postcode', 'SW1A 1ÅA', 'pattern'),
        ('age', '121', 'maximum'),
        ('age', '-1', 'minimum'),
        ('age', '12.5', 'integer'),
        ('age', 'abc', 'integer'),
        ('age', '', 'integer'),
        ('age', 'n/a', 'integer'),
        ('age', '1e2', 'integer'),
        ('age', '0x10', 'integer'),
        ('age', '１２１', 'maximum'),   # full-width digits parse (int() accepts Unicode digits) -> 121
        ('age', '9' * 30, 'maximum'),
        ('age', '+121', 'maximum'),
        ('age', '٣٠٠', 'maximum'),      # Arabic-Indic digits parse as 300
        ('age', ' ', 'integer'),
        ('given_name', '𝔄' * 41, 'maxLength'),
        ('family_name', 'Zoe\u0308' * 13, 'maxLength'),   # 52 code points, 39 graphemes
        ('dob', '29/02/2023', 'date'),
        ('dob', '1980-02-29', 'date'),
        ('postcode', 'ＳＷ1A 1AA', 'pattern'),
        ('sex', 'M\u200b', 'enum'),
        ('sex', 'UNKNOWN', 'enum'),
        ('postcode', 'UNKNOWN', 'pattern'),
    ],
    'ascii-upper-xor': [
        ('surname', 'Smith', 'case'),
        ('surname', 'SMITh', 'case'),
        ('surname', 'BRONTË', 'encoding'),
        ('surname', 'WEIß', 'encoding'),
        ('surname', '王', 'encoding'),
        ('surname', '', 'minLength'),
        ('surname', 'ABERCROMBIE-FOTHERINGHAMES', 'maxLength'),
        ('forename', 'J', 'minLength'),
        ('forename', 'jo', 'case'),
        ('forename', 'MARY-ELIZABETH-ANNEXE', 'maxLength'),
        ('forename', 'ZOË', 'encoding'),
        ('middle_initial', 'AB', 'maxLength'),
        ('middle_initial', 'a', 'case'),
        ('middle_initial', 'É', 'encoding'),
        ('dob', '1980-01-01', 'date'),
        ('dob', '19800230', 'date'),
        ('dob', '19801301', 'date'),
        ('dob', '198001011', 'date'),
        ('dob', '', 'date'),
        ('sex', 'male', 'enum'),
        ('sex', 'M', 'enum'),
        ('sex', '', 'enum'),
        ('postcode', 'SW1A1AA', 'pattern'),
        ('postcode', 'sw1a 1aa', 'pattern'),
        ('postcode', 'SW1A 1AA\u00a0', 'encoding'),
        ('postcode', '', 'pattern'),
        ('height_cm', '49', 'minimum'),
        ('height_cm', '251', 'maximum'),
        ('height_cm', '1.8e2', 'integer'),
        ('height_cm', '', 'integer'),
        ('height_cm', '170cm', 'integer'),
        ('height_cm', '998', 'maximum'),
        ('height_cm', '-170', 'minimum'),
        ('height_cm', '250.0', 'integer'),
        ('forename', 'ŁUKASZ', 'encoding'),
        ('surname', 'O\u2019BRIEN', 'encoding'),
        ('middle_initial', 'ß', 'encoding'),
        ('postcode', 'SW1A 1AA ', 'pattern'),
        ('dob', '1980-2-29', 'date'),
        ('dob', '19800229 ', 'date'),
        ('sex', 'MALE ', 'enum'),
    ],
    'lower-dh-1000': [
        ('email', 'Jo.Smith@example.org', 'case'),
        ('email', 'jo.smith@EXAMPLE.org', 'case'),
        ('email', 'zoë.brontË@example.org', 'case'),
        ('email', 'a' * 65, 'maxLength'),
        ('city', 'London', 'case'),
        ('city', 'ÉVRY', 'case'),
        ('city', 'İstanbul', 'case'),
        ('city', 'ǅakovo', 'case'),
        ('dob', '01-Foo-1990', 'date'),
        ('dob', '01-January-1990', 'date'),
        ('dob', '1990-01-01', 'date'),
        ('dob', '31-Feb-1990', 'date'),
        ('phone', '07700 900123', 'pattern'),
        ('phone', '7700900123', 'pattern'),
        ('phone', 'None', 'pattern'),
        ('phone', '', 'pattern'),
        ('phone', '０7700900123', 'encoding'),
        ('weight_kg', '72.125', 'pattern'),
        ('weight_kg', '-5', 'pattern'),
        ('weight_kg', '1000', 'pattern'),
        ('weight_kg', '72,5', 'pattern'),
        ('gender', 'Female', 'enum'),
        ('gender', 'f', 'enum'),
        ('gender', '', 'enum'),
        ('gender', 'none', 'enum'),
        ('gender', 'unknown ', 'enum'),
        ('email', 'zoë.brontë@EXAMPLE.ORG', 'case'),
        ('city', 'Σ', 'case'),
        ('city', 'ǈubljana', 'case'),
        ('dob', '1-Jan-90', 'date'),
        ('dob', '01-Jan-1990 ', 'date'),
        ('dob', '01 Jan 1990', 'date'),
        ('phone', '077009001234', 'pattern'),
        ('phone', '0770090012', 'pattern'),
        ('weight_kg', '.5', 'pattern'),
        ('weight_kg', '72.', 'pattern'),
        ('weight_kg', '7 2', 'pattern'),
    ],
}


def gen_invalid(name, schema, valid_rows, rng):
    fields = schema.fields
    idx = {f.identifier: i for i, f in enumerate(fields)}
    base_rows = [r for r in valid_rows[10:]]
    out_rows, sidecar = [], []
    for j, (feat, bad, intended) in enumerate(INVALID[name]):
        row = list(pick(rng, base_rows))
        row[idx[feat]] = bad
        try:
            validate_entries(fields, [row])
        except EntryError as e:
            got_feat = e.field_spec.identifier
            kind = classify(e.__cause__.args[0])
            msg = stable_message(e.__cause__.args[0])
        else:
            raise AssertionError(f'{name}: row {row} unexpectedly valid')
        if got_feat != feat or kind != intended:
            raise AssertionError(f'{name}: {feat}={bad!r}: clkhash says {got_feat}/{kind}, intended {intended}')
        # and the full pipeline must refuse it
        try:
            clk.generate_clks([row], schema, 'x', validate=True)
        except EntryError:
            pass
        else:
            raise AssertionError('generate_clks accepted an invalid row')
        out_rows.append(row)
        sidecar.append({'row': j, 'feature': feat, 'feature_index': idx[feat], 'kind': kind,
                        'value': bad, 'value_utf8_hex': bad.encode('utf-8').hex(), 'message': msg})
    header = [f.identifier for f in fields]
    write_csv(f'invalid-{name}.csv', header, out_rows)
    write_json(f'invalid-{name}.json', {
        'schema': f'schema-{name}.json',
        'csv': f'invalid-{name}.csv',
        'header': True,
        'note': ('Each data row (0-based, header excluded) has exactly one invalid entry; every other entry '
                 'is valid. "feature" is the field clkhash.validate_data.validate_entries reports for that '
                 'row alone. kind is one of encoding, pattern, minLength, maxLength, case, date, integer '
                 '(not parseable by Python int(s, 10)), minimum, maximum, enum.'),
        'rows': sidecar,
    })
    return len(out_rows)


# --------------------------------------------------------------------------
# known answers
# --------------------------------------------------------------------------

DOC_KEY00 = ('2f34e5ff91ec85d53ca9b543683174d0cf550b60d5f52b24c97b386cfcf6cbbf'
             '9cfd42fd37e1e5a214d15f03058d7fee63dc28f564b7b9fe3da514f80daad4bf')
DOC_KEY01 = ('1babe30c1ef6188c41ffc98d6ed1e918d39b424ad8a36e114bae18307d53e7b2'
             'fd99c15e5ce299af170ab929b89e53c99a9f29100d185d1b221539d73c8f653f')
DOC_REC0 = ('ACRAQBBoARAUCAgUFQIAhRAYiABEomAiBwAEJGACEAAEQQQwKEJAEgIEAQQBCgACIBEAITKBQGYBFRAAgUARAANAAJAg'
            'AQEBABgAYAECAUQBAHAIAwBJgagJgEAEAEjKEYRNAAEQ4AABiSADAWgABgEgAQIFUAEGEiElAAATAAA=')
DOC_REC1 = ('BCBASAAgABAAKCEEQwIAgQAYjABEpHACQwAEgGgCGAAEIBQACA1AIAIgAAQBCgcCIJFAYQYBIGAFBVEEgBAAAADQAqAA'
            'ABgAAAoAoBECAAQBATA4AQgIgBAIgEBEAIwCGIRECAAEIAIBgCACEWICgQEgAQIEAAABgqClAACCAAA=')

KA_TOKENS = [' s', 'JA', 'AN', 'a', '', '1 1', '8 9', 'SW1A 1AA', 'é', 'e\u0301', 'ß', 'ßt', '李', '李娜',
             '😀', ' 😀', 'Ł ', '88', '-40', 'x' * 100]


def double_hash_detail(tok_bytes, keys, k, l):
    a_plain_md5, a_plain_sha1 = bloomfilter._double_hash_token(tok_bytes, l, keys[0], keys[1])
    ns_md5, ns_sha1 = bloomfilter._double_hash_token_non_singular(tok_bytes, l, keys[0], keys[1])
    return {
        'a_sha1_mod_l': a_plain_sha1,
        'b_md5_mod_l': a_plain_md5,
        'indices': [(a_plain_sha1 + i * a_plain_md5) % l for i in range(k)],
        'b_non_singular': ns_md5,
        'indices_non_singular': [(ns_sha1 + i * ns_md5) % l for i in range(k)],
    }


def bits_of(ba):
    return [i for i, b in enumerate(ba) if b]


def known_answers():
    ka = {'clkhash_version': CLKHASH_VERSION}

    # ---- HKDF
    keys = key_derivation.generate_key_lists('secret', 2)
    assert keys[0][0].hex() == DOC_KEY00 and keys[0][1].hex() == DOC_KEY01
    hk = [{
        'secret': 'secret', 'secret_utf8_hex': b'secret'.hex(), 'hash': 'SHA256', 'salt_base64': None,
        'info_base64': None, 'keySize': 64, 'features': 2,
        'keys_hex': [[k.hex() for k in pair] for pair in keys],
        'note': 'keys_hex[i][j] = key 2i+j of the HKDF output; matches clkhash-compat.md',
    }]
    variants = [
        ('secret', 'SHA512', None, None, 32, 3),
        ('secret', 'SHA256', b'salt', b'info', 16, 2),
        ('secret', 'SHA512', b'', b'', 64, 1),
        ('Ünïcødé secret 🔑 秘密', 'SHA256', None, b'ctx', 64, 2),
        (SECRETS['numeric-mixed'], 'SHA256', bytes(range(32)), b'numeric-mixed', 16, 7),
        ('correct horse battery staple', 'SHA256',
         base64.b64decode(SCHEMAS['example']['clkConfig']['kdf']['salt']),
         base64.b64decode(SCHEMAS['example']['clkConfig']['kdf']['info']), 64, 4),
    ]
    for sec, h, salt, info, ks, nf in variants:
        kl = key_derivation.generate_key_lists(sec, nf, key_size=ks, salt=salt, info=info, hash_algo=h)
        sec_bytes = sec if isinstance(sec, bytes) else sec.encode('utf-8')
        hk.append({
            'secret': None if isinstance(sec, bytes) else sec, 'secret_utf8_hex': sec_bytes.hex(),
            'hash': h, 'salt_base64': None if salt is None else b64(salt),
            'info_base64': None if info is None else b64(info), 'keySize': ks, 'features': nf,
            'keys_hex': [[k.hex() for k in pair] for pair in kl],
        })
    ka['hkdf'] = hk

    # ---- doc vectors
    tok = ' s'.encode('utf-8')
    dh = double_hash_detail(tok, keys[0], 5, 1024)
    # clkhash-compat.md lists the doubleHash bits as a sorted set; in i order they are [550, 141, 756, 347, 962]
    assert sorted(dh['indices']) == [141, 347, 550, 756, 962], dh
    bl = bloomfilter.blake_hash_token(tok, 5, keys[0][0], 1024)
    assert bl == [564, 665, 506, 616, 56], bl
    ka['doc_vectors'] = {
        'doubleHash_token_s': {'token': ' s', 'key_sha1': 'keys_hex[0][0] of hkdf[0]',
                               'key_md5': 'keys_hex[0][1] of hkdf[0]', 'l': 1024, 'k': 5,
                               'indices_in_i_order': dh['indices'], 'bits_sorted': sorted(dh['indices']),
                               'a_sha1_mod_l': dh['a_sha1_mod_l'], 'b_md5_mod_l': dh['b_md5_mod_l']},
        'blakeHash_token_s': {'token': ' s', 'key': 'keys_hex[0][0] of hkdf[0]', 'l': 1024, 'k': 5,
                              'indices_in_i_order': bl},
    }

    # ---- per-token hashing tables (keys: hkdf[0], feature 0)
    key_sets = {'hkdf0_feature0': keys[0],
                'sha512_ks32_feature1': key_derivation.generate_key_lists('secret', 3, key_size=32,
                                                                           hash_algo='SHA512')[1]}
    ka['hash_key_sets'] = {n: [k.hex() for k in ks_] for n, ks_ in key_sets.items()}
    tables = []
    for kname, kpair in key_sets.items():
        for t in KA_TOKENS:
            for enc in (['utf-8', 'utf-16', 'utf-32'] if t in (' s', 'ß', '😀', '李娜') else ['utf-8']):
                tb = t.encode(enc)
                for (k, l) in [(5, 1024), (20, 1024), (5, 2048), (20, 2048), (40, 2048), (64, 1024),
                               (5, 1000), (20, 1000), (7, 128)]:
                    entry = {'keys': kname, 'token': t, 'encoding': enc, 'token_bytes_hex': tb.hex(),
                             'k': k, 'l': l}
                    d = double_hash_detail(tb, kpair, k, l)
                    entry['doubleHash'] = d
                    bits = bits_of(bloomfilter.double_hash_encode_ngrams([t], kpair, [k], l, enc))
                    assert bits == sorted(set(d['indices']))
                    entry['doubleHash_bits'] = bits
                    bits_ns = bits_of(bloomfilter.double_hash_encode_ngrams_non_singular([t], kpair, [k], l, enc))
                    assert bits_ns == sorted(set(d['indices_non_singular']))
                    if l & (l - 1) == 0:
                        bi = bloomfilter.blake_hash_token(tb, k, kpair[0], l)
                        entry['blakeHash_indices'] = bi
                        bb = bits_of(bloomfilter.blake_encode_ngrams([t], kpair, [k], l, enc))
                        assert bb == sorted(set(bi))
                        if k <= 5 or k == 40:
                            raw = b''.join(hashlib.blake2b(tb, key=kpair[0], salt=str(i).encode()).digest()
                                           for i in range((k + 31) // 32))
                            entry['blake2b_digests_hex'] = raw.hex()
                    tables.append(entry)
    ka['token_hashes'] = tables

    # ---- singularity cases: tokens whose md5 part is 0 mod l
    k0, k1 = keys[0]
    sing = []

    def find(l, zeros, limit):
        for n in range(limit):
            t = f'tok{n}'
            tb = t.encode()
            if int.from_bytes(hmac.new(k1, tb, hashlib.md5).digest(), 'big') % l != 0:
                continue
            ok = all(int.from_bytes(hmac.new(k1, tb + chr(j).encode(), hashlib.md5).digest(), 'big') % l == 0
                     for j in range(zeros - 1))
            if ok:
                return t
        raise AssertionError('not found')

    for (l, zeros, k) in [(1024, 1, 5), (1024, 1, 20), (2048, 1, 5), (1000, 1, 20), (16, 2, 5), (8, 3, 5)]:
        t = find(l, zeros, 10**6)
        d = double_hash_detail(t.encode(), keys[0], k, l)
        j_used = 0
        while int.from_bytes(hmac.new(k1, t.encode() + chr(j_used).encode(), hashlib.md5).digest(), 'big') % l == 0:
            j_used += 1
        d.update({'token': t, 'l': l, 'k': k, 'keys': 'hkdf0_feature0',
                  'rehash_suffixes_tried': [chr(j).encode().hex() for j in range(j_used + 1)],
                  'bits_plain': bits_of(bloomfilter.double_hash_encode_ngrams([t], keys[0], [k], l, 'utf-8')),
                  'bits_prevent_singularity': bits_of(
                      bloomfilter.double_hash_encode_ngrams_non_singular([t], keys[0], [k], l, 'utf-8'))})
        assert d['b_md5_mod_l'] == 0 and len(d['bits_plain']) == 1
        sing.append(d)
    ka['singularity_cases'] = sing

    # ---- numeric comparator tokens
    numeric = []
    combos = [('25', 8, 2, 0), ('26', 8, 2, 0), ('24.99', 8, 2, 0), ('16', 8, 2, 0), ('21', 5, 3, 0),
              ('-7', 5, 3, 0), ('0', 1, 1, 0), ('1', 4, 1, 0), ('-1', 4, 1, 0), ('3', 4, 1, 0),
              ('2.5', 1, 1, 0), ('-2.5', 1, 1, 0), ('-0.5', 1, 1, 0), ('10', 2.5, 1, 0), ('10', 3.5, 1, 0),
              ('36.6', 0.5, 2, 1), ('13', 2.5, 4, 1), ('72.25', 2.5, 4, 1), ('72.35', 2.5, 4, 1),
              ('0.125', 1.5, 3, 2), ('0.135', 1.5, 3, 2), ('2.675', 1.5, 3, 2), ('1.005', 1.5, 3, 2),
              ('-0.125', 1.5, 3, 2), ('-2.675', 1.5, 3, 2), ('+13', 50, 5, 0), (' 42 ', 50, 5, 0),
              ('1_000', 50, 5, 0), ('-1000', 50, 5, 0), ('1e3', 10, 1, 0), ('1e3', 10, 1, 2),
              ('0.1', 0.1, 1, 1), ('0.30000000000000004', 0.1, 1, 2), ('1980', 3, 1, 0), ('-1', 5, 3, 0),
              ('120', 5, 3, 0), ('007', 10, 2, 0), ('99999999999999999999', 7, 3, 0), ('-0', 1, 2, 0),
              ('5', 0.004, 1, 2)]
    for v, td, res, fp in combos:
        entry = {'value': v, 'thresholdDistance': td, 'resolution': res, 'fractional_precision': fp}
        try:
            comp = comparators.NumericComparison(td, res, fp)
        except ValueError as e:
            entry['schema_error'] = str(e)
        else:
            entry.update({'distance_interval': comp.distance_interval, 'tokens': list(comp.tokenize(v))})
        numeric.append(entry)
    numeric.append({'value': '', 'thresholdDistance': 5, 'resolution': 3, 'fractional_precision': 0,
                    'distance_interval': 5, 'tokens': list(comparators.NumericComparison(5, 3).tokenize(''))})
    ka['numeric_tokens'] = numeric

    # ---- ngram / exact tokens
    words = ['', 'a', 'ab', 'JANE', 'SW1A 1AA', 'Zoë', 'Zoe\u0308', '李娜', '😀x', ' ', 'O\'Brien-Smith',
             'Łódź', 'aaaa', '19800229', 'Straße']
    ng = []
    for w in words:
        entry = {'word': w, 'word_code_points': [f'U+{ord(c):04X}' for c in w]}
        for n in (1, 2, 3):
            for pos in (False, True):
                entry[f'n{n}_{"positional" if pos else "plain"}'] = list(
                    comparators.NgramComparison(n, pos).tokenize(w))
        entry['exact'] = list(comparators.ExactComparison().tokenize(w))
        ng.append(entry)
    ka['ngram_tokens'] = ng

    # ---- bitsPerFeature distribution
    ka['bits_per_feature'] = [
        {'bitsPerFeature': b, 'tokens': t,
         'ks': list(field_formats.BitsPerFeatureStrategy(b).bits_per_token(t))}
        for b, t in [(100, 11), (200, 7), (10, 30), (1, 3), (150, 150), (30, 1), (33, 11), (40, 6), (20, 1)]]

    # ---- value canonicalisation
    def date_case(s, fmt):
        spec = field_formats.DateSpec('d', None, fmt)
        try:
            spec.validate(s)
        except field_formats.InvalidEntryError as e:
            return {'input': s, 'format': fmt, 'valid': False, 'error': str(e)}
        return {'input': s, 'format': fmt, 'valid': True, 'output': spec.format_value(s)}
    dates = [('1980-02-29', '%Y-%m-%d'), ('1981-02-29', '%Y-%m-%d'), ('0999-01-01', '%Y-%m-%d'),
             ('0001-01-01', '%Y-%m-%d'), ('9999-12-31', '%Y-%m-%d'), ('1980-2-9', '%Y-%m-%d'),
             ('29/02/1980', '%d/%m/%Y'), ('1/2/1980', '%d/%m/%Y'), (' 1/02/1980', '%d/%m/%Y'),
             ('01/02/80', '%d/%m/%Y'), ('19800229', '%Y%m%d'), ('1980229', '%Y%m%d'), ('198012', '%Y%m%d'),
             ('19801231', '%Y%m%d'), ('01-Jan-1990', '%d-%b-%Y'), ('01-JAN-1990', '%d-%b-%Y'),
             ('01-jan-1990', '%d-%b-%Y'), ('1-Sep-1990', '%d-%b-%Y'), ('01-Sept-1990', '%d-%b-%Y'),
             ('31.12.1999', '%d.%m.%Y'), ('12/31/68', '%m/%d/%y'), ('12/31/69', '%m/%d/%y'),
             ('1980-02-29 ', '%Y-%m-%d'), ('1980-02-29T00:00', '%Y-%m-%d'), ('１/01/1990', '%d/%m/%Y'),
             ('٠١/٠١/١٩٩٠', '%d/%m/%Y'), ('2020-366', '%Y-%j'), ('Mon 06 Jan 2020', '%a %d %b %Y'),
             ('06  Jan 2020', '%d %b %Y'), ('06 January 2020', '%d %B %Y'), ('06 Jan 2020', '%d %B %Y')]
    ka['date_canonicalisation'] = [date_case(s, f) for s, f in dates]

    ints = ['13', '+13', ' 13', '13 ', '0013', '-0', '+0', '1_000', '-1_0', '١٢٣', '１２', '1__0', '_1',
            '1.0', '1e3', '', '0x1F', ' - 1', '\t7\n', str(10**25)]
    int_rows = []
    for s in ints:
        try:
            v = int(s, base=10)
            int_rows.append({'input': s, 'valid_integer': True, 'canonical': str(v)})
        except ValueError:
            int_rows.append({'input': s, 'valid_integer': False})
    ka['integer_canonicalisation'] = int_rows

    # ---- string validation corner cases (case uses Python str.upper()/lower(); length counts code points)
    sv = []
    for s in ['ß', 'SS', 'STRASSE', 'Straße', 'ǅ', 'Ǆ', 'ǆ', 'İ', 'i̇', 'ﬁ', 'ς', 'Σ', '123', '李', '', ' ',
              'e\u0301', 'é', '😀', '👨\u200d👩\u200d👧', 'ŉ', 'ΐ', 'Ω', 'ᾼ', 'ɐ', 'Ⅻ', 'ⓐ']:
        sv.append({'value': s, 'code_points': len(s), 'utf8_bytes': len(s.encode('utf-8')),
                   'utf16_code_units': len(s.encode('utf-16-le')) // 2,
                   'valid_case_upper': s.upper() == s, 'valid_case_lower': s.lower() == s,
                   'ascii_encodable': s.isascii()})
    ka['string_validation'] = sv

    # ---- encodings of tokens (utf-16/utf-32 include a BOM for every token; little endian on this machine)
    ka['token_encodings'] = [{'token': t, 'utf-8': t.encode('utf-8').hex(), 'utf-16': t.encode('utf-16').hex(),
                              'utf-32': t.encode('utf-32').hex(),
                              'ascii': t.encode('ascii').hex() if t.isascii() else None}
                             for t in [' s', 'ab', '1 a', 'ß', '😀', '李娜', '']]

    # ---- xor folding
    rng = random.Random(99)
    ba = bitarray(32, endian='big')
    for i in range(32):
        ba[i] = rng.random() < 0.3
    ka['xor_fold'] = [{'input_bits': ba.to01(), 'folds': f, 'output_bits': bloomfilter.fold_xor(ba, f).to01()}
                      for f in (0, 1, 2, 3)]

    # ---- whole records of clkhash-compat.md
    schema = clk_schema.from_json_dict(json.loads(json.dumps(SCHEMAS['example'])))
    recs = [['0', 'JANE SMITH', '1980-02-29', 'SW1A 1AA'], ['1', 'JOHN SMITH', '1975-12-01', '']]
    out = clk.generate_clks(recs, schema, SECRETS['example'])
    got = [serialize_bitarray(b) for b in out]
    assert got == [DOC_REC0, DOC_REC1], got
    ka['whole_records'] = [{'schema': 'schema-example.json', 'secret': SECRETS['example'], 'record': r,
                            'clk': c, 'popcount': b.count()} for r, c, b in zip(recs, got, out)]

    # ---- serialisation when l is not a multiple of 8 (bitarray.tobytes pads the last byte with 0 bits)
    tiny = {'version': 3, 'clkConfig': {'l': 100, 'kdf': {'type': 'HKDF'}},
            'features': [{'identifier': 'name', 'format': {'type': 'string'},
                          'hashing': {'comparison': {'type': 'ngram', 'n': 2}, 'strategy': {'bitsPerToken': 3},
                                      'hash': {'type': 'doubleHash'}}}]}
    tiny_schema = clk_schema.from_json_dict(json.loads(json.dumps(tiny)))
    trecs = [['JANE'], ['JOHN SMITH'], ['']]
    tout = clk.generate_clks(trecs, tiny_schema, 'secret')
    ka['non_byte_aligned_l'] = {'schema': tiny, 'secret': 'secret',
                                'records': [{'record': r, 'clk': serialize_bitarray(b), 'bits': b.to01()}
                                            for r, b in zip(trecs, tout)]}
    return ka


# --------------------------------------------------------------------------
# per-record traces (first records of every schema, step by step)
# --------------------------------------------------------------------------

def trace_records(name, schema, rows, secret, n=4):
    key_lists = key_derivation.generate_key_lists(
        secret, len(schema.fields), key_size=schema.kdf_key_size, salt=schema.kdf_salt,
        info=schema.kdf_info, kdf=schema.kdf_type, hash_algo=schema.kdf_hash)
    hash_l = schema.l * 2 ** schema.xor_folds
    traces = []
    for row in rows[:n]:
        feats = []
        acc = bitarray(hash_l)
        acc.setall(False)
        for i, (entry, field) in enumerate(zip(row, schema.fields)):
            fhp = field.hashing_properties
            f = {'identifier': field.identifier, 'key_indices': [2 * i, 2 * i + 1], 'raw': entry}
            if not fhp:
                f['ignored'] = True
                feats.append(f)
                continue
            formatted = field.format_value(entry)
            tokens = list(fhp.comparator.tokenize(formatted))
            f.update({'is_missing_sentinel': field.is_missing_value(entry), 'formatted': formatted,
                      'tokens': tokens, 'encoding': fhp.encoding, 'hash': fhp.hash_type,
                      'prevent_singularity': bool(fhp.prevent_singularity)})
            if tokens:
                ks = list(fhp.strategy.bits_per_token(len(tokens)))
                bits = bloomfilter.hashing_function_from_properties(fhp)(
                    tokens, key_lists[i], ks, hash_l, fhp.encoding)
                acc |= bits
                f.update({'ks': ks, 'bits': bits_of(bits)})
            else:
                f.update({'ks': [], 'bits': []})
            feats.append(f)
        folded = bloomfilter.fold_xor(acc, schema.xor_folds)
        ref = bloomfilter.crypto_bloom_filter(row, [fl.hashing_properties.comparator if fl.hashing_properties
                                                    else comparators.NonComparison() for fl in schema.fields],
                                              schema, key_lists)[0]
        assert folded == ref
        traces.append({'record': row, 'hash_l': hash_l, 'xor_folds': schema.xor_folds,
                       'features': feats, 'unfolded_bits': bits_of(acc), 'clk': serialize_bitarray(folded)})
    return traces


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main():
    summary = {}
    all_traces = {}
    for name, gen in GENERATORS.items():
        write_json(f'schema-{name}.json', SCHEMAS[name])
        schema = load_schema(name)
        rng = random.Random(SEEDS[name])
        header, rows = gen(rng)
        assert header == [f.identifier for f in schema.fields], (name, header)
        assert len(rows) >= N_RECORDS
        check_rows(schema, rows)
        write_csv(f'records-{name}.csv', header, rows)

        secret = SECRETS[name]
        with open(os.path.join(OUT, f'records-{name}.csv'), encoding='utf-8', newline='') as f:
            bas = clk.generate_clk_from_csv(f, secret, schema, validate=True, header=True, progress_bar=False)
        assert len(bas) == len(rows)
        # cross-check: the in-memory path gives the same filters
        assert [b.tobytes() for b in clk.generate_clks(rows, schema, secret)] == [b.tobytes() for b in bas]
        sec_bytes = secret if isinstance(secret, bytes) else secret.encode('utf-8')
        doc = {'secret': None if isinstance(secret, bytes) else secret,
               'secret_base64': b64(sec_bytes)}
        if isinstance(secret, bytes):
            doc['secret_note'] = ('secret passed to clkhash as bytes (not valid UTF-8); '
                                  'use the bytes of secret_base64 directly')
        doc['clks'] = [serialize_bitarray(b) for b in bas]
        doc['popcounts'] = [b.count() for b in bas]
        write_json(f'clks-{name}.json', doc)
        all_traces[name] = {'schema': f'schema-{name}.json', 'secret_base64': b64(sec_bytes),
                            'records': trace_records(name, schema, rows, secret)}
        for t, c in zip(all_traces[name]['records'], doc['clks']):
            assert t['clk'] == c
        summary[name] = {'rows': rows, 'schema': schema}

    n_inv = {}
    for name in INVALID:
        n_inv[name] = gen_invalid(name, summary[name]['schema'], summary[name]['rows'],
                                  random.Random(SEEDS[name] + 1000))
    write_json('known-answers.json', known_answers())
    write_json('record-traces.json', all_traces)
    for name in GENERATORS:
        print(f'{name}: {len(summary[name]["rows"])} records')
    for name, n in n_inv.items():
        print(f'invalid-{name}: {n} rows')


if __name__ == '__main__':
    main()

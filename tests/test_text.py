"""Pinyin keys, name normalisation and the filter index."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from domain.search import TextIndex
from domain.text import normalise_company_name, normalise_phone, pinyin_keys, search_haystack


def test_pinyin_initials_of_huawei():
    assert pinyin_keys("华为技术") == ("huaweijishu", "hwjs")


def test_polyphones_in_common_words_follow_the_phrase_dictionary():
    assert pinyin_keys("重庆银行")[0] == "chongqingyinhang"
    assert pinyin_keys("长沙")[0] == "changsha"


def test_fast_pinyin_agrees_with_pypinyin_on_company_names():
    names = ["深圳市华为技术有限公司", "重庆长安汽车股份有限公司", "北京银行", "上海浦东发展银行", "厦门建发集团"]
    for name in names:
        assert pinyin_keys(name)[0] == "".join(lazy_pinyin(name)), name


@given(st.text(max_size=30))
def test_pinyin_never_fails_on_any_text(text: str):
    full, initials = pinyin_keys(text)
    assert " " not in full
    assert len(initials) <= len(full) or not full


def test_normalised_names_meet_across_legal_forms_and_full_width():
    assert normalise_company_name("华为技术有限公司") == "华为技术"
    assert normalise_company_name("华为技术（股份）") == "华为技术"
    assert normalise_company_name("ＡＢＣ电子 股份有限公司") == "abc电子"


def test_phone_normalisation_drops_country_code_and_separators():
    assert normalise_phone("+86 0755-2878 0808") == normalise_phone("075528780808") == "075528780808"


def test_index_finds_by_initials_full_pinyin_and_phone_and_narrows():
    names = ["华为技术有限公司", "中兴通讯", "华润万家"]
    hay = [search_haystack(n, "", f"0755-{i}", *pinyin_keys(n)) for i, n in enumerate(names)]
    index = TextIndex(hay)
    assert index.search("hwjs") == [0]
    assert index.search("h") == [0, 1, 2]  # 中兴通讯 has "h" in zhongxing
    assert index.search("hua") == [0, 2]
    assert index.search("huar") == [2]
    assert index.search("0755-1") == [1]
    assert index.search("ＨＷ") == [0]
    assert index.search("") == [0, 1, 2]

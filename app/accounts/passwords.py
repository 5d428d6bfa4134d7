"""The password policy: at least 8 characters and hard to guess.

Guessability is zxcvbn's estimate (the Dropbox estimator: ranked lists of the
most common passwords, words and names, plus keyboard patterns, repeats,
sequences, dates and l33t), with the account's own username and display name
as words a guesser would try first. Its lists are English-centred, so the
common passwords of Chinese users (pinyin, 5201314-style numbers) are added
below. A password must be estimated at 10^8 guesses or more (zxcvbn score 3):
a top-list password, 'Manager1' for manager1, eight spaces, 'qwertyui' or
'Beijing2024' is refused; three unrelated words or 12 random characters pass.
No composition rules (NIST SP 800-63B): length and unpredictability only.
"""

from __future__ import annotations

from typing import Any

from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS
from zxcvbn.matching import add_frequency_lists

from app.errors import Unprocessable

MIN_LENGTH = 8
MIN_SCORE = 3
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input; a password is judged on its first 72 characters

# Most common first (the rank is the guess count zxcvbn assigns). Gathered from
# the published top lists of the CSDN, 12306 and Tianya leaks, and pinyin
# words a guesser tries on a Chinese sales team.
COMMON_ZH = [
    "123456789",
    "12345678",
    "11111111",
    "dearbook",
    "00000000",
    "123123123",
    "1234567890",
    "88888888",
    "111111111",
    "147258369",
    "987654321",
    "aaaaaaaa",
    "1111111111",
    "66666666",
    "a123456789",
    "11223344",
    "1qaz2wsx",
    "xiazhili",
    "789456123",
    "87654321",
    "qqqqqqqq",
    "000000000",
    "qq123456",
    "31415926",
    "12344321",
    "0000000000",
    "1q2w3e4r",
    "123456abc",
    "0123456789",
    "123654789",
    "12121212",
    "qazwsxedc",
    "abcd1234",
    "12341234",
    "110110110",
    "asdasdasd",
    "22222222",
    "123321123",
    "abc123456",
    "a12345678",
    "123456123",
    "a1234567",
    "1234qwer",
    "5201314",
    "woaini1314",
    "1314520",
    "520520520",
    "woaini520",
    "5201314520",
    "aini1314",
    "iloveyou1314",
    "7758521",
    "7758258",
    "584520",
    "woaini",
    "wodemima",
    "mima",
    "mima123",
    "mima123456",
    "77777777",
    "99999999",
    "33333333",
    "55555555",
    "12345600",
    "123qweasd",
    "qweasdzxc",
    "zxcvbnm123",
    "159357",
    "147258",
    "321654",
    "woaini123",
    "woaiwojia",
    "wangyang",
    "zhangwei",
    "wangwei",
    "wangjing",
    "lijing",
    "zhangmin",
    "zhangjie",
    "liuyang",
    "wanglei",
    "huawei",
    "alibaba",
    "baidu",
    "tencent",
    "xiaomi",
    "zhongguo",
    "beijing",
    "shanghai",
    "guangzhou",
    "shenzhen",
    "hangzhou",
    "nanjing",
    "tianjin",
    "chongqing",
    "wuhan",
    "chengdu",
    "xiamen",
    "ningbo",
    "suzhou",
    "zhang",
    "wang",
    "liu",
    "chen",
    "yang",
    "huang",
    "zhao",
    "zhou",
    "sun",
    "zhu",
    "guo",
    "lin",
    "luo",
    "gao",
    "xiaoshou",
    "kehu",
    "dakehu",
    "peixun",
    "peilian",
    "jingli",
    "zongjian",
    "laoban",
    "gongsi",
    "caigou",
    "xiaoshou123",
    "kehu123",
    "qwer1234",
    "asd123",
    "admin123",
    "admin888",
    "root123",
    "abc123",
    "welcome",
    "changeme",
    "letmein",
    "coach",
    "trainee",
    "manager",
    "demo",
    "sales",
    "kacoach",
]


def _with_common_zh(passwords: list[str]) -> list[str]:
    """zxcvbn's password list with ours woven in (ours at about twice their rank), so
    they are matched, and warned about, as common passwords."""
    known = set(passwords)
    extra = [w for w in COMMON_ZH if w not in known]
    merged: list[str] = []
    for i, word in enumerate(passwords):
        merged.append(word)
        if i < len(extra):
            merged.append(extra[i])
    return merged


add_frequency_lists({"passwords": _with_common_zh(list(FREQUENCY_LISTS["passwords"]))})

_HINT = "Use a longer one that is hard to guess, e.g. three or four unrelated words."


class WeakPassword(Unprocessable):
    code = "weak_password"


def password_problem(password: str, *, username: str = "", display_name: str = "") -> str | None:
    """Why the password is refused, in a sentence; None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"It needs at least {MIN_LENGTH} characters."
    inputs = [p for p in (username, display_name, *display_name.split()) if p and p.strip()]
    if username and username.lower() in password.lower():
        return f"It contains the username. {_HINT}"
    result: dict[str, Any] = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=inputs)
    if result["score"] >= MIN_SCORE:
        return None
    warning = str(result["feedback"].get("warning") or "It is too easy to guess.")
    return f"{warning.rstrip('.')}. {_HINT}"


def check_password(
    password: str, *, username: str = "", display_name: str = "", field: str = "password"
) -> None:
    """Raise WeakPassword (422, {"error": "weak_password"}) for a password the policy refuses."""
    problem = password_problem(password, username=username, display_name=display_name)
    if problem is not None:
        raise WeakPassword(
            f"{field}: this password is too easy to guess. {problem}",
            fields=[
                {"loc": ["body", field], "msg": problem, "type": "weak_password", "key": "weak"}
            ],
            key="weak_password",
        )

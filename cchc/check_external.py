"""External links, fetched only on request (`scripts/check.py --external`): they need the
network, so the default check and the tests never call this."""
import urllib.error
import urllib.request

from cchc.problems import Problem


def fetch_status(url: str, timeout: float = 15.0) -> str | None:
    """None when the URL answers 2xx/3xx, else a short Vietnamese reason."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": "cchc-link-check"})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue  # some servers refuse HEAD; ask again with GET
            return f"máy chủ trả lời mã {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return f"không kết nối được ({getattr(exc, 'reason', exc)})"
    return "máy chủ không trả lời"


def check_external(external, fetch=fetch_status) -> list:
    results, out = {}, []
    for page, line, url in external:
        if url not in results:
            results[url] = fetch(url)
        if results[url]:
            out.append(Problem(page.rel, line, f"Liên kết ngoài '{url}' hỏng: {results[url]}. Sửa địa chỉ hoặc bỏ liên kết"))
    return out

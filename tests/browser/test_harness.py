"""The checks themselves: a page with a known fault must fail them, or a green run means nothing."""

import pytest

pytestmark = pytest.mark.browser


def test_axe_reports_a_violation(visit, transactional_db):
    visit.goto("/inloggen/")
    visit.page.evaluate(
        "() => document.querySelector('main').append(document.createElement('input'))"
    )
    with pytest.raises(AssertionError, match=r"(?s)axe on .*/inloggen/.*- label \(critical\)"):
        visit.check()


def test_console_error_fails_the_page(visit, transactional_db):
    visit.goto("/inloggen/")
    visit.page.evaluate("() => console.error('kapot')")
    with pytest.raises(AssertionError, match="console error: kapot"):
        visit.check()


def test_uncaught_exception_fails_the_page(visit, transactional_db):
    visit.goto("/inloggen/")
    visit.page.evaluate("() => { setTimeout(() => { throw new Error('stuk'); }); }")
    visit.page.wait_for_timeout(50)
    with pytest.raises(AssertionError, match="page error: .*stuk"):
        visit.check()


def test_csp_violation_fails_the_page(visit, transactional_db):
    visit.goto("/inloggen/")
    visit.page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.inlineRan = true';
            document.head.append(script);
        }"""
    )
    assert visit.page.evaluate("() => window.inlineRan") is None
    with pytest.raises(AssertionError, match="Content Security Policy"):
        visit.check()

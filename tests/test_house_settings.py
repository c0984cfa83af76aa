"""One reading of each setting: a build variant (language, URL style, online or offline) is made once from
mkdocs.yml (lumbar.stage.options_from_config) and every generator takes its settings from it."""

from __future__ import annotations

import yaml

from lumbar.generator import variant_settings
from lumbar.stage import options_from_config
from lumbar.zensical import zensical_config


def test_each_variant_gives_the_generator_its_language_address_and_url_style():
    en = options_from_config()
    es_offline = options_from_config(lang="es", directory_urls=False, offline_copy=True)
    assert es_offline.site_url == en.site_url + "es/"
    for opts in (en, es_offline):
        settings = variant_settings(opts)
        assert settings["site_url"] == opts.site_url and settings["use_directory_urls"] is opts.directory_urls
        assert settings["extra"]["lang"] == opts.lang and settings["extra"]["variant"]["lang"] == opts.lang
        offline = "offline" in [p if isinstance(p, str) else next(iter(p)) for p in settings.get("plugins", [])]
        assert offline is opts.offline_copy
    assert variant_settings(es_offline)["theme"]["language"] == "es"


def test_zensical_takes_the_same_settings():
    opts = options_from_config()
    config = yaml.safe_load(zensical_config(opts))
    settings = variant_settings(opts)
    assert config["extra"]["variant"] == settings["extra"]["variant"]
    assert (config["site_url"], config["use_directory_urls"]) == (settings["site_url"], settings["use_directory_urls"])
    assert "hooks" not in config and config["extra"]["languages"] == []

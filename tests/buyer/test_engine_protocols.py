"""Which buyer engines stream: the LLM buyer does (a streamed turn relays its pieces), the
offline one doesn't (its whole reply is cut at sentence ends)."""

from __future__ import annotations

from pathlib import Path

from app.buyer.engine import StreamingBuyerEngine
from app.config import Settings
from app.main import build_container


async def test_the_llm_buyer_streams_and_the_offline_buyer_does_not(tmp_path: Path) -> None:
    container = build_container(
        Settings(
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'b.db'}",
            llm_model="m",
            openai_base_url="http://127.0.0.1:9/v1",  # never called
        )
    )
    try:
        assert isinstance(container.buyers["llm"], StreamingBuyerEngine)
        assert not isinstance(container.buyers["offline"], StreamingBuyerEngine)
    finally:
        assert container.llm_client is not None
        await container.llm_client.aclose()
        await container.engine.dispose()

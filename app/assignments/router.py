"""HTTP for assignments. Thin: parse, call the service, shape the answer."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.assignments.schemas import AssignmentCreate, AssignmentDetail, AssignmentUpdate
from app.assignments.service import AssignmentsService
from app.container import ContainerDep
from app.deps import CurrentUser, ManagerUser, SessionDep
from app.inputs import Id

router = APIRouter(prefix="/api/assignments", tags=["assignments"])


def _service(db: SessionDep, container: ContainerDep) -> AssignmentsService:
    return AssignmentsService(db, container.builtin_scenarios)


@router.get("", response_model=list[AssignmentDetail])
async def list_assignments(
    user: CurrentUser, db: SessionDep, container: ContainerDep
) -> list[AssignmentDetail]:
    """A trainee's own (with `mine`); a coach's teams'; the organisation's for a manager."""
    return await _service(db, container).visible(user)


@router.post("", response_model=AssignmentDetail, status_code=status.HTTP_201_CREATED)
async def create_assignment(
    body: AssignmentCreate, manager: ManagerUser, db: SessionDep, container: ContainerDep
) -> AssignmentDetail:
    return await _service(db, container).create(manager, body)


@router.get("/{assignment_id}", response_model=AssignmentDetail)
async def get_assignment(
    assignment_id: Id, user: CurrentUser, db: SessionDep, container: ContainerDep
) -> AssignmentDetail:
    return await _service(db, container).get(user, assignment_id)


@router.patch("/{assignment_id}", response_model=AssignmentDetail)
async def update_assignment(
    assignment_id: Id,
    body: AssignmentUpdate,
    manager: ManagerUser,
    db: SessionDep,
    container: ContainerDep,
) -> AssignmentDetail:
    return await _service(db, container).update(manager, assignment_id, body)


@router.delete("/{assignment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def archive_assignment(
    assignment_id: Id, manager: ManagerUser, db: SessionDep, container: ContainerDep
) -> Response:
    await _service(db, container).archive(manager, assignment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

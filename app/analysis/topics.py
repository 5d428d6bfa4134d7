"""The closed vocabulary of conversation topics.

Scenarios tag their facts with these; the analysis tags every turn with them;
the offline buyer matches the two.
"""

from __future__ import annotations

import enum


class Topic(enum.StrEnum):
    overview = "overview"  # the business in general, what they do
    operations = "operations"  # how work is done today: process, workflow
    scale = "scale"  # size, volumes, headcount, sites
    current_solution = "current_solution"  # the system/tool/way they use now
    supplier = "supplier"  # the incumbent vendor and the relationship with it
    problem = "problem"  # difficulties, complaints, pain
    impact = "impact"  # consequences, cost of the problem, who suffers
    goal = "goal"  # targets, plans, what success looks like
    personal = "personal"  # the buyer's own stake: KPI, career, worries, workload
    decision = "decision"  # how the decision is made, approval steps
    stakeholders = "stakeholders"  # who else is involved
    budget = "budget"
    timeline = "timeline"
    criteria = "criteria"  # how options are compared
    price = "price"
    risk = "risk"
    competition = "competition"  # their competitors, market pressure
    customers = "customers"  # their own customers
    people = "people"  # staff, skills, turnover
    cost = "cost"  # running costs, spend
    quality = "quality"
    strategy = "strategy"  # direction, growth, transformation

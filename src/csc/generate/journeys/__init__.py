"""One module per journey of the simulation. Each journey is a function of the `World` it reads and changes;
journeys that start in the month loop (`simulate.Simulation.run`) commit their rows themselves:

- front_door: contacts, and referrals with everything that follows them
- protection: assessments, S47 enquiries, conferences, CP plans (reviews, visits), CIN plans, transfer-ins
- care: periods of care, direct admissions, short breaks (care_records: the rows of a period of care)
- permanence: adoption and special guardianship tracks, permanence rows
- care_leavers: care-leaver month ends
- early_help: early help episodes
- workforce: departments, teams, workers and involvements
"""

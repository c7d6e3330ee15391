module missioncontrol.local/stack/gotrue

go 1.25.11

module github.com/corpuslint/corpuslint

go 1.25

require github.com/petar-dambovaliev/aho-corasick v0.0.0-20250424160509-463d218d4745 // indirect

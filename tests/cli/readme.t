# The worked example of the README, run on datasets/: the README shows
# exactly this output.

=== README example 1: toll agg --as-of 2022-09-14 datasets/2022-09-border-clashes.
$ toll agg --as-of 2022-09-14 ../../datasets/2022-09-border-clashes.tsv
--- stdout
side	status	category	low	best	high	events	series
Armenia	military	killed	49	77		1	2
Azerbaijan	military	killed	50	50	50	1	1

=== README example 2: toll agg datasets/2022-09-border-clashes.tsv
$ toll agg ../../datasets/2022-09-border-clashes.tsv
--- stdout
side	status	category	low	best	high	events	series
Armenia	all	killed_or_missing	207	207	207	1	1
Armenia	civilian	killed	3	3	3	1	1
Armenia	civilian	wounded	7	7	7	1	1
Armenia	military	captured	20	20	20	1	1
Armenia	military	killed	49	135.5		1	2
Armenia	military	wounded	293	293	293	1	1
Azerbaijan	military	killed	79	254.5	430	1	2
Azerbaijan	military	wounded	282	282	282	1	1

=== README example 3: toll agg -g side,category,source --combine each datasets/202
$ toll agg -g side,category,source --combine each ../../datasets/2022-09-border-clashes.tsv
--- stdout
side	category	source	low	best	high	events	series
Armenia	captured	Armenian government	20	20	20	1	1
Armenia	killed	Armenian government	225	225	225	1	2
Armenia	killed	news article (T. Osborne)	49	49		1	1
Armenia	killed_or_missing	Armenian government	207	207	207	1	1
Armenia	wounded	Armenian government	300	300	300	1	2
Azerbaijan	killed	Alen Simonyan (Armenian parliament speaker)	430	430	430	1	1
Azerbaijan	killed	Azerbaijan MoD	79	79	79	1	1
Azerbaijan	wounded	Azerbaijan MoD	282	282	282	1	1

=== README example 4: toll rev history datasets/2022-09-border-clashes.tsv | awk -
$ toll rev history ../../datasets/2022-09-border-clashes.tsv | awk -F'\t' 'NR == 1 || $3 == "military" && $4 == "killed"' | cut -f2,5-
--- stdout
side	source	reported	low	best	high	revision	delta	days
Armenia	Armenian government	2022-09-13	49	49		1		0
Armenia	Armenian government	2022-09-14	105	105	105	2	56	1
Armenia	Armenian government	2022-09-16	135	135		3	30	3
Armenia	Armenian government	2023-04-17	222	222	222	4	87	216
Armenia	news article (T. Osborne)	2022-09-14	49	49		1		0
Azerbaijan	Alen Simonyan (Armenian parliament speaker)	2022-10-14	430	430	430	1		0
Azerbaijan	Azerbaijan MoD	2022-09-13	50	50	50	1		0
Azerbaijan	Azerbaijan MoD	2022-09-15	71	71	71	2	21	2
Azerbaijan	Azerbaijan MoD	2022-09-16	77	77	77	3	6	3
Azerbaijan	Azerbaijan MoD	2022-09-19	79	79	79	4	2	6

=== README example 5: toll rev summary datasets/2020-karabakh-war.tsv | cut -f2-5,
$ toll rev summary ../../datasets/2020-karabakh-war.tsv | cut -f2-5,7-
--- stdout
side	status	category	source	first_reported	first_best	last_reported	last_best	change	ratio	days
Armenia	all	killed	Armenian government	2021-03-20	3250	2021-08-26	3777	527	1.16215384615385	159
Armenia	all	missing	Armenian government	2021-04-14	321	2021-08-26	243	-78	0.757009345794392	134
Armenia	civilian	killed	Armenian government	2021-08-26	75	2021-08-26	75	0	1	0
Armenia	military	killed	Armenia Health Ministry	2020-11-14	2317	2020-11-18	2425	108	1.04661199827363	4
Armenia	military	killed	Armenian government	2021-08-24	3773	2021-08-26	3702	-71	0.9811820832229	2
Armenia	military	missing	Armenian government	2021-08-24	243	2021-08-24	243	0	1	0
Artsakh	military	killed	Artsakh MoD	2020-09-29	84	2020-11-15	1434	1350	17.0714285714286	47
Azerbaijan	military	killed	Azerbaijan MoD	2020-12-03	2783	2021-06-02	2900	117	1.04204096298958	181
Azerbaijan	military	missing	Azerbaijan MoD	2020-12-03	101	2021-03-02	28	-73	0.277227722772277	89
Azerbaijan	military	wounded	Azerbaijan MoD	2020-12-03	1245	2020-12-03	1245	0	1	0
all sides	all	killed	Vladimir Putin	2020-10-22	5000	2020-10-22	5000	0	1	0
all sides	all	killed	news article (T. Osborne)	2022-09-14	6500	2022-09-14	6500	0	1	0
all sides	military	killed	AFP	2022-09-16	6501	2022-09-16	6501	0	1	0
civilians of Artsakh	civilian	killed	Artsakh ombudsman	2020-10-01	11	2020-10-12	31	20	2.81818181818182	11
civilians of Azerbaijan	civilian	killed	Azerbaijan Prosecutor General	2020-09-30	14	2020-10-31	91	77	6.5	31
civilians of Azerbaijan	civilian	wounded	Azerbaijan Prosecutor General	2020-09-30	46	2020-10-31	404	358	8.78260869565217	31
